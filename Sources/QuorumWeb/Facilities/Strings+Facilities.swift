import QuorumCore
import QuorumStore

extension S {
    /// The estate's facilities and equipment (设施设备; issue 15, items 8-10).
    enum Facilities {
        static let title = L10n(zh: "设施设备", en: "Facilities")
        static let intro = L10n(
            zh: "本小区的电梯、消防设施、二次供水等设施设备，每台一个编码。维保周期按法规计算：电梯每 15 日维保一次（《特种设备安全监察条例》第三十一条），消防设施每年全面检测一次（《消防法》第十六条）。逾期项目排在前面。",
            en:
                "The estate's lifts, fire systems, water pumps and other equipment, each under its own code. Servicing is due as the law says: a lift every 15 days (Special Equipment Regulations Art. 31), fire systems fully tested once a year (Fire Protection Law Art. 16). Overdue items come first."
        )
        static let none = L10n(zh: "尚未登记设施设备。", en: "No facilities are registered yet.")
        static let upload = L10n(zh: "导入 facilities.csv", en: "Import facilities.csv")
        static let uploadNote = L10n(
            zh: "表头可用中文或英文，列的顺序不限。有任何一行出错，整个文件都不导入，并列出每一处错误。编码已有的行更新该设备。",
            en:
                "Headers in Chinese or English, in any order. With any bad row nothing is imported and every error is listed. A row with a code the estate has updates that facility."
        )
        static let file = L10n(zh: "文件", en: "File")
        static let send = L10n(zh: "导入", en: "Import")
        static func imported(_ result: FacilitiesImportResult) -> L10n {
            L10n(
                zh: "已导入：新增 \(result.added)，更新 \(result.updated)，未变 \(result.unchanged)。",
                en: "Imported: \(result.added) added, \(result.updated) updated, \(result.unchanged) unchanged.")
        }
        static func refused(_ count: Int) -> L10n {
            L10n(zh: "共 \(count) 处错误，未导入任何内容：", en: "\(count) error(s); nothing was imported:")
        }
        static func line(_ error: InputError) -> L10n {
            L10n(
                zh: (error.line.map { "第 \($0) 行：" } ?? "") + (error.field.map { "\($0)：" } ?? "") + error.problem.chinese,
                en: (error.line.map { "line \($0): " } ?? "") + (error.field.map { "\($0): " } ?? "") + error.problem.english)
        }
        static let addSchedule = L10n(zh: "添加本小区的维保周期", en: "Add a schedule of the estate's own")
        static let scheduleNote = L10n(
            zh: "法规规定的周期（电梯、消防设施）始终适用；本小区可为任一类设备另加周期，添加后记入审计日志。",
            en: "The law's schedules (lifts, fire systems) always apply; the estate may add its own for any kind of facility. Each is logged.")
        static let kindLabel = L10n(zh: "设备类型", en: "Kind of facility")
        static let scheduleName = L10n(zh: "项目名称", en: "Name of the item")
        static let every = L10n(zh: "每隔", en: "Every")
        static let unit = L10n(zh: "单位", en: "Unit")
        static let months = L10n(zh: "个月", en: "months")
        static let days = L10n(zh: "天", en: "days")
        static let saveSchedule = L10n(zh: "添加周期", en: "Add the schedule")
        static let scheduleAdded = L10n(zh: "已添加维保周期，并记入审计日志。", en: "The schedule was added and logged.")
        static let overdue = L10n(zh: "已逾期", en: "Overdue")
        static let allInOrder = L10n(zh: "均未逾期", en: "Nothing overdue")
        static func overdueCount(_ count: Int) -> L10n {
            L10n(zh: "\(count) 台逾期未维保", en: count == 1 ? "1 overdue" : "\(count) overdue")
        }
        static func dueBy(_ due: Timestamp) -> L10n {
            L10n(zh: "应于 \(LocalTime.deadline(due)) 前", en: "due by \(LocalTime.deadline(due))")
        }
        static func lastDone(_ day: String?) -> L10n {
            L10n(zh: "上次：\(day ?? "无记录")", en: "last: \(day ?? "none recorded")")
        }
        static let facts = L10n(zh: "基本信息", en: "Facts")
        static let items = L10n(zh: "维保与检验", en: "Servicing and inspection")
        static let timeline = L10n(zh: "记录", en: "Records")
        static let noRecords = L10n(zh: "尚无维保或检验记录。", en: "No servicing or inspection recorded yet.")
        static let record = L10n(zh: "登记一次维保或检验", en: "Record a servicing or an inspection")
        static let item = L10n(zh: "项目", en: "Item")
        static let day = L10n(zh: "日期", en: "Day")
        static let by = L10n(zh: "实施单位或人员", en: "Done by")
        static let result = L10n(zh: "检查结果", en: "Checklist result")
        static let passed = L10n(zh: "合格", en: "Passed")
        static let failed = L10n(zh: "不合格", en: "Failed")
        static let note = L10n(zh: "说明", en: "Note")
        static let nextInspection = L10n(zh: "下次检验日期（检验合格时填写）", en: "Next inspection due (for a passed inspection)")
        static let document = L10n(zh: "附件（维保单、检验报告，PDF 或图片）", en: "Document (the checklist or report, a PDF or an image)")
        static let save = L10n(zh: "保存记录", en: "Save the record")
        static let saved = L10n(zh: "已记录，并记入审计日志。", en: "Recorded, and written to the audit log.")
        static let recordedBy = L10n(zh: "登记人", en: "Recorded by")
        static let publicPage = L10n(zh: "公开页面（二维码标签指向此页）", en: "Public page (what its QR label opens)")
        static let ownerLink = L10n(zh: "小区设施设备", en: "The estate's facilities")
        static let ownerIntro = L10n(
            zh: "本小区设施设备的维保情况。逾期未维保或未检验的项目排在前面并标红。",
            en: "How the estate's facilities are serviced. Items overdue for servicing or inspection come first, marked.")
        static let notFound = L10n(zh: "没有这台设施设备。", en: "No such facility.")
        static let lastServicing = L10n(zh: "上次维保", en: "Last servicing")
        static let nextServicing = L10n(zh: "下次维保", en: "Next servicing")
        static let inspectionExpiry = L10n(zh: "检验有效期至", en: "Inspection valid until")
        static let never = L10n(zh: "无记录", en: "none recorded")

        static func kind(_ kind: FacilityKind) -> L10n {
            L10n(
                zh: kind.chinese,
                en: kind == .waterPump
                    ? "water supply pump" : kind == .cctv ? "CCTV" : kind == .fire ? "fire system" : kind == .elevator ? "lift" : kind.rawValue)
        }

        /// A schedule's item by its id; an estate's own schedule by its own name.
        static func item(_ id: String, names: [String: String] = [:]) -> L10n {
            switch id {
            case "lift_half_monthly": L10n(zh: "半月维保", en: "Half-monthly servicing")
            case "lift_quarterly": L10n(zh: "季度维保", en: "Quarterly servicing")
            case "lift_half_yearly": L10n(zh: "半年维保", en: "Half-yearly servicing")
            case "lift_annual": L10n(zh: "年度维保", en: "Annual servicing")
            case "fire_annual": L10n(zh: "年度全面检测", en: "Annual full test")
            case FacilitySchedule.inspection: L10n(zh: "定期检验", en: "Periodic inspection")
            default: L10n(zh: names[id] ?? id, en: names[id] ?? id)
            }
        }

        static func fact(_ column: FacilityColumn) -> L10n {
            L10n(zh: column.chinese, en: column.rawValue.replacingOccurrences(of: "_", with: " ").capitalizedFirst)
        }

        static func say(_ error: FacilityError) -> L10n {
            switch error {
            case .noSuchFacility(let code): L10n(zh: "没有编码为“\(code)”的设施设备。", en: "No facility has the code \"\(code)\".")
            case .badDay(let day): L10n(zh: "日期“\(day)”无效：应为今天或以前的日期。", en: "The day \"\(day)\" is not a date of today or before.")
            case .noSuchItem: L10n(zh: "这台设备没有这个维保项目。", en: "This facility has no such item.")
            case .badText:
                L10n(
                    zh: "请填写实施单位或人员（各项最多 \(FacilityError.maximumText) 字）。",
                    en: "Say who did it (each text at most \(FacilityError.maximumText) characters).")
            case .badSchedule:
                L10n(
                    zh: "请填写项目名称，周期为 1 至 366 天或 1 至 60 个月。",
                    en: "Name the item; the period is 1 to 366 days or 1 to 60 months.")
            case .nextInspectionMissing:
                L10n(zh: "检验合格时须填写下次检验日期（晚于检验日）。", en: "A passed inspection needs the next inspection's date, after its day.")
            }
        }
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
