/// Code 128 barcodes (ISO/IEC 15417), code set B, for the codes printed on paper ballots:
/// a handheld scanner reads them and types the text like a keyboard.
public enum Code128 {
    /// The widths of bar, space, bar, space, bar, space (in modules) of each symbol value
    /// 0…105; every symbol is 11 modules wide. The stop symbol is `stop`.
    static let patterns: [String] = [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232",
    ]
    static let stop = "2331112"
    static let startB = 104

    /// The symbol values of `text` in code set B: start, one value per character, the check
    /// value (the start value plus each value times its position, mod 103). Nil if a
    /// character is outside printable ASCII.
    public static func values(_ text: String) -> [Int]? {
        var values = [startB]
        for scalar in text.unicodeScalars {
            guard (32...126).contains(scalar.value) else { return nil }
            values.append(Int(scalar.value) - 32)
        }
        var sum = startB
        for (position, value) in values.enumerated().dropFirst() { sum += position * value }
        values.append(sum % 103)
        return values
    }

    /// The module widths of the whole barcode, bars and spaces alternating, bar first,
    /// without the quiet zones.
    public static func widths(_ text: String) -> [Int]? {
        guard let values = values(text) else { return nil }
        return (values.map { patterns[$0] } + [stop]).flatMap { $0.map { Int(String($0))! } }
    }
}
