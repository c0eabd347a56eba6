import Foundation
import QuorumCore
import QuorumStore
import QuorumTestSupport
import Testing

/// The facilities register on both databases (issue 15, items 8-10): the import refused whole
/// or applied in one transaction with one log entry; records with their log entries and
/// documents; what is overdue computed from the records and the clock.
@Suite struct FacilitiesStoreTests {
    let organiser = OrganiserTests()
    /// The estate's register (VotingTests.registry) has building 1 with entrance 1.
    static let file = """
        设备编码,设备类型,名称,楼栋,单元,下次检验日期,维保单位
        1-elevator-01,电梯,1号楼1单元客梯,1,1,2024-03-31,某某电梯维保
        ,消防设施,1号楼消火栓系统,1,,,
        ,二次供水,小区水泵房,,,,

        """

    @Test(arguments: TestDatabase.available)
    func aBadFileChangesNothingAndAGoodOneIsImportedOnceWithOneLogEntry(_ database: TestDatabase) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            // setup
            let logged = try await organiser.logKinds(store).count
            let bad = Self.file.replacingOccurrences(of: "1号楼消火栓系统,1,", with: "1号楼消火栓系统,9,")
                .replacingOccurrences(of: "1,1,2024-03-31", with: "1,7,2024-03-31")
            // act: refused whole
            let refused = await #expect(throws: InputErrors.self) {
                try await store.facilities.importFacilities(Array(bad.utf8), file: "facilities.csv", estate: estate, actor: "c1")
            }
            // check
            #expect(
                refused?.errors.map { "\($0.line ?? 0) \($0.problem)" } == [
                    "2 \(InputProblem.unknownEntrance("7", building: "1"))", "3 \(InputProblem.unknownBuilding("9"))",
                ])
            #expect(try await store.facilities.facilities(of: estate).isEmpty)
            #expect(try await organiser.logKinds(store).count == logged)
            // act: the good file, twice
            let first = try await store.facilities.importFacilities(Array(Self.file.utf8), file: "facilities.csv", estate: estate, actor: "c1")
            let again = try await store.facilities.importFacilities(Array(Self.file.utf8), file: "facilities.csv", estate: estate, actor: "c1")
            let changed = Self.file.replacingOccurrences(of: "某某电梯维保", with: "另一家维保")
            let third = try await store.facilities.importFacilities(Array(changed.utf8), file: "f2.csv", estate: estate, actor: "c1")
            // check
            #expect(first == FacilitiesImportResult(added: 3, updated: 0, unchanged: 0))
            #expect(again == FacilitiesImportResult(added: 0, updated: 0, unchanged: 3))
            #expect(third == FacilitiesImportResult(added: 0, updated: 1, unchanged: 2))
            let facilities = try await store.facilities.facilities(of: estate)
            #expect(facilities.map(\.facility.code) == ["1-elevator-01", "1-fire-01", "estate-water_pump-01"])
            #expect(facilities[0].facility.serviceCompany == "另一家维保" && facilities[0].registeredAt == clock.current)
            #expect(try await organiser.logKinds(store).suffix(from: logged) == ["facilities_imported", "facilities_imported"])
            var lines: [String] = []
            try await store.log.export { lines += $0.split(separator: "\n").map(String.init) }
            let sha = "a1331ac5bf8df839cef2635f0e589aaccf4a5c9b0ea8e7cb231a460bed5edd72"  // sha256sum of Self.file
            #expect(lines.contains { $0.contains(#""file":{"name":"facilities.csv","sha256":"\#(sha)"}"#) && $0.contains(#""added":3"#) })
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRecordIsLoggedWithItsDocumentsAndMovesTheDueDay(_ database: TestDatabase) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            // setup: imported on 20 January 2024 10:00; the lift's servicing is due by 4 February 24:00
            try await store.facilities.importFacilities(Array(Self.file.utf8), file: "facilities.csv", estate: estate, actor: "c1")
            let lift = try #require(try await store.facilities.facility("1-elevator-01", of: estate))
            #expect(lift.items.first { $0.item == "lift_half_monthly" }?.due == Timestamp.parse("2024-02-05T00:00+08:00"))
            let logged = try await organiser.logKinds(store).count
            // act: refusals change nothing
            let good = FacilityRecord(code: "1-elevator-01", item: "lift_half_monthly", day: "2024-01-20", by: "某某电梯维保 张师傅", passed: true)
            for (record, error) in [
                (
                    FacilityRecord(code: "9-x-01", item: "lift_half_monthly", day: "2024-01-20", by: "x", passed: true),
                    FacilityError.noSuchFacility("9-x-01")
                ),
                (FacilityRecord(code: "1-elevator-01", item: "fire_annual", day: "2024-01-20", by: "x", passed: true), .noSuchItem("fire_annual")),
                (FacilityRecord(code: "1-elevator-01", item: "lift_half_monthly", day: "2024-01-21", by: "x", passed: true), .badDay("2024-01-21")),
                (FacilityRecord(code: "1-elevator-01", item: "lift_half_monthly", day: "2024-01-20", by: " ", passed: true), .badText),
                (FacilityRecord(code: "1-elevator-01", item: "inspection", day: "2024-01-20", by: "特检院", passed: true), .nextInspectionMissing),
            ] {
                await #expect(throws: error) { try await store.facilities.record(record, estate: estate, actor: "c1") }
            }
            await #expect(throws: DocumentError.unknownType) {
                try await store.facilities.record(good, estate: estate, documents: [("x.exe", Array("MZ".utf8))], actor: "c1")
            }
            #expect(try await store.facilities.timeline(of: "1-elevator-01", estate: estate).isEmpty)
            #expect(try await organiser.logKinds(store).count == logged)
            // act: a servicing with its checklist, a failed quarterly one, a passed inspection
            let pdf = Array("%PDF-1.4 维保记录".utf8)
            let serviced = try await store.facilities.record(good, estate: estate, documents: [("维保记录.pdf", pdf)], actor: "c1")
            try await store.facilities.record(
                FacilityRecord(code: "1-elevator-01", item: "lift_quarterly", day: "2024-01-19", by: "某某电梯维保", passed: false, note: "门锁回路故障"),
                estate: estate, actor: "c1")
            try await store.facilities.record(
                FacilityRecord(code: "1-elevator-01", item: "inspection", day: "2024-01-18", by: "特检院", passed: true, nextInspection: "2025-01-31"),
                estate: estate, actor: "c2")
            // check: the timeline, newest first; the due days moved; the documents kept; three log entries
            let timeline = try await store.facilities.timeline(of: "1-elevator-01", estate: estate)
            #expect(timeline.map(\.item) == ["lift_half_monthly", "lift_quarterly", "inspection"])
            #expect(timeline[0].documents.map(\.name) == ["维保记录.pdf"] && timeline[0].id == serviced.id && timeline[0].recordedBy == "c1")
            #expect(timeline[1].note == "门锁回路故障" && !timeline[1].passed)
            #expect(try await store.documents.read(FacilityRecord.subject(estate: estate, id: serviced.id), number: 1)?.bytes == pdf)
            let now = try #require(try await store.facilities.facility("1-elevator-01", of: estate))
            #expect(now.facility.inspectionDue == "2025-01-31")
            #expect(now.items.first { $0.item == "lift_half_monthly" }?.last == "2024-01-20")
            #expect(now.items.first { $0.item == "lift_quarterly" }?.due == Timestamp.parse("2024-04-20T00:00+08:00"))
            #expect(try await organiser.logKinds(store).suffix(from: logged) == ["facility_recorded", "facility_recorded", "facility_recorded"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func overdueIsComputedFromTheClockAndTheEstatesOwnSchedules(_ database: TestDatabase) async throws {
        try await organiser.withEstate(database) { store, estate, clock in
            // setup: the pump cleaned monthly, the estate's own schedule (a period of no days refused, nothing logged)
            let logged = try await organiser.logKinds(store).count
            await #expect(throws: FacilityError.badSchedule) {
                try await store.facilities.addSchedule(kind: .waterPump, name: "水箱清洗", period: .days(0), estate: estate, actor: "c1")
            }
            await #expect(throws: FacilityError.badSchedule) {
                try await store.facilities.addSchedule(kind: .waterPump, name: " ", period: .months(1), estate: estate, actor: "c1")
            }
            let own = try await store.facilities.addSchedule(kind: .waterPump, name: "水箱清洗", period: .months(1), estate: estate, actor: "c1")
            #expect(try await organiser.logKinds(store).suffix(from: logged) == ["facility_schedule_added"])
            try await store.facilities.importFacilities(Array(Self.file.utf8), file: "facilities.csv", estate: estate, actor: "c1")
            #expect(try await store.facilities.overdue(of: estate).isEmpty)
            // act: 4 February 23:59, then 24:00
            clock.advance(minutes: (15 * 24 + 14) * 60 - 1)
            let before = try await store.facilities.overdue(of: estate)
            clock.advance(minutes: 1)
            let after = try await store.facilities.overdue(of: estate)
            clock.advance(days: 20)
            let later = try await store.facilities.overdue(of: estate)
            // check
            #expect(before.isEmpty)
            #expect(after.map(\.facility.code) == ["1-elevator-01"] && after[0].overdue.map(\.item) == ["lift_half_monthly"])
            #expect(later.map(\.facility.code) == ["1-elevator-01", "estate-water_pump-01"])
            #expect(later[1].overdue.map(\.item) == [own.id])
            #expect(try await store.facilities.schedules(of: estate).last?.name == "水箱清洗")
        }
    }
}
