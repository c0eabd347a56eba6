/// The estate `quorum serve --demo` serves: about a thousand units in six buildings, with
/// co-owners, owners of several units, shops, parking and the developer's unsold flats.
/// Always the same, so the login printed for it always works.
public enum DemoEstate {
    public static let name = "阳光花园（演示）"
    public static let buildings = 6
    public static let unitsPerBuilding = 168  // 2 entrances × 21 floors × 4 flats

    /// A demo owner to sign in as: owns two flats (one person, their areas added).
    public static let owner = (name: "王建国", idNumber: "370202196505050011", phone: "13900000001")
    /// Co-owners of one flat: one shared vote, first come.
    public static let coOwners = [(name: "李梅", idNumber: "370202197003030022"), (name: "张伟", idNumber: "370202196801010033")]

    public static var registryCSV: String {
        var text = "不动产单元号,楼栋,单元,房号,建筑面积,面积来源,用途,业主姓名,证件号码,业主类型,手机号\n"
        let family = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"]
        let given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "秀英", "桂兰", "建华", "国强"]
        func person(_ n: Int) -> (String, String, String) {
            let name = family[n % family.count] + given[(n / family.count) % given.count]
            let id = "3702021950\(String(100_000_000 + n * 7).suffix(8))"
            return (name, String(id.prefix(17)) + String(n % 10), "139\(String(10_000_000 + n).suffix(8))")
        }
        var serial = 0
        for building in 1...buildings {
            for index in 0..<unitsPerBuilding {
                serial += 1
                let entrance = index / 84 + 1
                let floor = index % 84 / 4 + 1
                let room = floor * 100 + index % 4 + 1
                let unitID = "370202009\(String(1000 + building))GB\(String(100_000 + serial).suffix(5))"
                let area = 6_000 + (serial * 7_919) % 8_000
                let areaText = "\(area / 100).\(String(100 + area % 100).suffix(2))"
                let use = floor == 1 && index % 4 == 0 ? "商业" : "住宅"
                let place = "\(unitID),\(building),\(entrance),\(room),\(areaText),登记,\(use)"
                if building == 1 && (index == 0 || index == 1) {
                    text += "\(place),\(owner.name),\(owner.idNumber),个人,\(owner.phone)\n"
                } else if building == 1 && index == 2 {
                    for (n, co) in coOwners.enumerated() {
                        text += "\(place),\(co.name),\(co.idNumber),个人,1390000000\(n + 2)\n"
                    }
                } else if building == 6 && index >= 150 {
                    text += "\(place),阳光置业有限公司,91370202MA3C000001,建设单位,053288880000\n"
                } else if serial % 17 == 5 {
                    let (name, id, phone) = person(serial - 1)  // a second flat of the previous owner
                    text += "\(place),\(name),\(id),个人,\(phone)\n"
                } else {
                    let (name, id, phone) = person(serial)
                    text += "\(place),\(name),\(id),个人,\(phone)\n"
                    if serial % 9 == 4 {
                        let (spouse, spouseID, spousePhone) = person(serial + 50_000)
                        text += "\(place),\(spouse),\(spouseID),个人,\(spousePhone)\n"
                    }
                }
            }
        }
        for space in 1...40 {
            let (name, id, phone) = person(space * 3)
            text += "370202009P\(String(1000 + space)),车库,,B1-\(String(100 + space).suffix(3)),12.50,登记,车位,\(name),\(id),个人,\(phone)\n"
        }
        return text
    }
}
