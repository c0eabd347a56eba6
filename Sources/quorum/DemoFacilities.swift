import QuorumCore
import QuorumStore
import QuorumSynthetic

/// The demo estate's facilities (issue 15, item 12): a lift per entrance, a fire system per
/// building, the pump room with a monthly check of the estate's own, and a year of their
/// servicing; one lift (`2-elevator-02`) left unserviced for 20 days, so it is overdue.
enum DemoFacilities {
    static func prepare(_ store: Store, estate: Int64, actor: String) async throws {
        guard try await store.facilities.facilities(of: estate).isEmpty else { return }
        let pump = try await store.facilities.addSchedule(
            kind: .waterPump, name: "二次供水设备月度巡检", period: .months(1), estate: estate, actor: actor)
        var csv = "code,kind,name,building,entrance,location,maker,model,installed,certificate,inspection_due,service_company\n"
        for building in 1...DemoEstate.buildings {
            for entrance in 1...2 {
                csv += "\(building)-elevator-0\(entrance),elevator,\(building)号楼\(entrance)单元客梯,\(building),\(entrance),\(entrance)单元电梯井,"
                csv += "某某电梯有限公司,GeN2-MR,2015-06-30,梯11370202201500\(building)\(entrance)0,2027-03-31,阳光电梯维保有限公司\n"
            }
            csv += ",fire,\(building)号楼消火栓及喷淋系统,\(building),,地下一层,,,2015-06-30,,,青岛某某消防技术服务有限公司\n"
        }
        csv += ",water_pump,小区水泵房,,,地下车库北侧,某某泵业,,2016-01-01,,,某某水务有限公司\n,gate,东门车辆道闸,,,东门,,,2019-09-01,,,\n"
        try await store.facilities.importFacilities(Array(csv.utf8), file: "demo-facilities.csv", estate: estate, actor: actor)
        let now = store.now()
        func day(_ daysAgo: Int) -> String {
            FacilityDays.day(of: Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch - Int64(daysAgo) * 86_400_000))
        }
        func record(_ code: String, _ item: String, _ daysAgo: Int, by: String) async throws {
            try await store.facilities.record(
                FacilityRecord(code: code, item: item, day: day(daysAgo), by: by, passed: true), estate: estate, actor: actor)
        }
        for building in 1...DemoEstate.buildings {
            for entrance in 1...2 {
                let code = "\(building)-elevator-0\(entrance)"
                // Every 14 days for a year; the larger servicings in their turn (each includes the smaller).
                for (index, daysAgo) in stride(from: 360, through: 10, by: -14).enumerated() where code != "2-elevator-02" || daysAgo >= 20 {
                    let item =
                        index == 0 ? "lift_annual" : index % 13 == 0 ? "lift_half_yearly" : index % 6 == 0 ? "lift_quarterly" : "lift_half_monthly"
                    try await record(code, item, daysAgo, by: "阳光电梯维保有限公司")
                }
            }
            try await record("\(building)-fire-01", "fire_annual", 200, by: "青岛某某消防技术服务有限公司")
        }
        for daysAgo in stride(from: 340, through: 10, by: -30) { try await record("estate-water_pump-01", pump.id, daysAgo, by: "某某水务有限公司") }
    }
}
