import Foundation
import QuorumCore
import QuorumStore

/// The demo's books (issue 14): the public income opened and a month of entries, recorded by the
/// property company and approved by the committee, one expense still missing its receipt, and a
/// bank statement imported with one row no entry explains.
enum DemoBooks {
    static func prepare(_ store: Store, estate: Int64) async throws {
        guard try await store.books.balances(estate: estate).isEmpty,
            let property = try await store.staff.account(username: "demo-property")?.id,
            let committee = try await store.staff.account(username: "demo-committee")?.id
        else { return }
        let books = store.books
        let opening = try await books.openAccount(
            LedgerAccount(.publicIncome), estate: estate, opening: Money(fen: 1_234_560), date: "2026-01-01", by: property)
        _ = try await books.review(opening.entry.id, estate: estate, .approve, by: committee)
        let fund = try await books.openAccount(
            LedgerAccount(.maintenanceFund), estate: estate, opening: Money(fen: 386_500_000), date: "2026-01-01", by: property)
        _ = try await books.review(fund.entry.id, estate: estate, .approve, by: committee)
        let entries: [(EntryKind, Int64, String, String, String, String)] = [
            (.income, 120_000, "广告", "某某传媒有限公司", "2026-01-05", "电梯广告位租金 1月"),
            (.income, 345_650, "停车", "", "2026-01-08", "地面临时停车收入"),
            (.expense, 23_000, "保洁", "阳光物业服务有限公司", "2026-01-12", "公共区域保洁耗材"),
            (.expense, 125_080, "绿化", "某某园林工程有限公司", "2026-01-22", "绿化补种"),
            (.income, 180_000, "场地租金", "某某培训中心", "2026-01-15", "会所场地租金"),
        ]
        for (index, item) in entries.enumerated() {
            let entry = LedgerEntry(
                id: "", account: LedgerAccount(.publicIncome), kind: item.0, amount: Money(fen: item.1), category: item.2, counterparty: item.3,
                date: item.4, description: item.5)
            let recorded = try await books.record(entry, estate: estate, by: property)
            if index == 2 {
                let receipt = try DocumentFile(Array("%PDF-1.4\n% 发票（演示）\n%%EOF\n".utf8))
                _ = try await books.attach(receipt, named: "保洁耗材发票.pdf", to: recorded.entry.id, estate: estate, by: property)
            }
            if index < 4 { _ = try await books.review(recorded.entry.id, estate: estate, .approve, by: committee) }
        }
        let statement = """
            交易日期,摘要,收入金额,支出金额,余额,对方户名,流水号
            2026-01-05,广告位租金,1200.00,,13545.60,某某传媒有限公司,DEMO202601001
            2026-01-08,停车收入,3456.50,,17002.10,,DEMO202601002
            2026-01-12,保洁耗材,,230.00,16772.10,阳光物业服务有限公司,DEMO202601003
            2026-01-22,绿化补种,,1250.80,15521.30,某某园林工程有限公司,DEMO202601004
            2026-01-31,银行手续费,,12.00,15509.30,,DEMO202601005
            """
        _ = try await books.importStatement(
            Array(statement.utf8), file: "demo-statement-2026-01.csv", estate: estate, account: .publicIncome, by: property)
    }
}
