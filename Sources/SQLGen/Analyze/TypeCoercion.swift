/// PostgreSQL's type coercion rules (the "Type Conversion" chapter of its documentation) over
/// the built-in catalog: type categories and preferred types, implicit casts, and the
/// polymorphic pseudo-types (`anyelement`, `anycompatiblearray` …) with their consistency
/// rules.
struct TypeCoercion: Sendable {
    let builtins: BuiltinCatalog
    /// The schema's enums and tables (whose row types are composite types).
    var catalog = Catalog()

    /// `"any"`: accepts every type and leaves an untyped argument untyped.
    static let anyType = SQLType(name: "\"any\"")
    static let record = SQLType(name: "record")

    static let polymorphicNames: Set<String> = [
        "anyelement", "anyarray", "anynonarray", "anyenum", "anyrange", "anymultirange", "anycompatible",
        "anycompatiblearray", "anycompatiblenonarray", "anycompatiblerange", "anycompatiblemultirange",
    ]

    static func isPolymorphic(_ type: SQLType) -> Bool {
        !type.isArray && type.schema == nil && polymorphicNames.contains(type.name)
    }

    /// `typcategory`: arrays are A, `unknown` X, user enums E, composite types C.
    func category(_ type: SQLType) -> Character {
        if type.isArray { return "A" }
        if type == .unknown { return "X" }
        if let info = builtins.info(type) { return info.category }
        return kind(type) == "c" ? "C" : "E"
    }

    func isPreferred(_ type: SQLType) -> Bool { builtins.info(type)?.isPreferred ?? false }

    /// Whether `type` is a user enum.
    func isEnum(_ type: SQLType) -> Bool {
        !type.isArray && type.schema != nil && catalog.enumType(type.name, schema: type.schema) != nil
    }

    /// Whether an array type of `type` exists (every built-in with `typarray`, every enum).
    func hasArrayType(_ type: SQLType) -> Bool {
        if type.isArray { return true }  // PostgreSQL's arrays of arrays are the same type
        return builtins.info(type)?.hasArray ?? true
    }

    /// The subtype of a range type, the range of a multirange.
    func related(_ type: SQLType) -> SQLType? { builtins.info(type)?.related }

    func kind(_ type: SQLType) -> Character? {
        if type.isArray { return nil }
        if let info = builtins.info(type) { return info.kind }
        if isEnum(type) { return "e" }
        let schema = type.schema ?? "pg_catalog"
        let isComposite = catalog.table(type.name, schema: schema) ?? catalog.compositeType(type.name, schema: schema) != nil
        return isComposite ? "c" : nil
    }

    /// The multirange type of a range type (`int4range` → `int4multirange`).
    func multirange(of range: SQLType) -> SQLType? { builtins.multirange(of: range) }

    /// `find_coercion_pathway` in the implicit context: equal types, an implicit `pg_cast`
    /// entry, or arrays whose elements coerce so.
    func castsImplicitly(_ source: SQLType, to target: SQLType) -> Bool {
        if source == target { return true }
        if source.isArray != target.isArray { return false }
        if source.isArray { return castsImplicitly(source.element, to: target.element) }
        return builtins.castContext(from: source, to: target) == "i"
    }

    /// The same in the assignment context (INSERT values, UPDATE SET): assignment casts too,
    /// and any type into a string type through its output function.
    func castsInAssignment(_ source: SQLType, to target: SQLType) -> Bool {
        if source == target || source == .unknown { return true }
        if source.isArray != target.isArray { return !target.isArray && category(target) == "S" }
        if source.isArray { return castsInAssignment(source.element, to: target.element) }
        if let context = builtins.castContext(from: source, to: target), context != "e" { return true }
        return category(target) == "S"
    }

    /// `can_coerce_type` for one argument, before the polymorphic arguments are checked
    /// against each other (`PolymorphicBinding`).
    func canCoerceImplicitly(_ source: SQLType, to target: SQLType) -> Bool {
        if source == target || source == .unknown || target == Self.anyType { return true }
        if Self.isPolymorphic(target) { return acceptsPolymorphic(target, source) }
        if target == Self.record, !source.isArray, kind(source) == "c" { return true }
        return castsImplicitly(source, to: target)
    }

    /// Whether an argument of `type` can stand for the pseudo-type `polymorphic` on its own.
    private func acceptsPolymorphic(_ polymorphic: SQLType, _ type: SQLType) -> Bool {
        switch polymorphic.name {
        case "anyarray", "anycompatiblearray": return type.isArray
        case "anynonarray", "anycompatiblenonarray": return !type.isArray
        case "anyenum": return isEnum(type)
        case "anyrange", "anycompatiblerange": return kind(type) == "r"
        case "anymultirange", "anycompatiblemultirange": return kind(type) == "m"
        default: return true
        }
    }

    /// PostgreSQL's `select_common_type` over known types: the type UNION, CASE, COALESCE,
    /// ARRAY[…] and GREATEST resolve their inputs to. The first type wins unless a later one
    /// of the same category is preferred or the first casts implicitly to it; all-untyped
    /// inputs give text. Fails with the offending pair when the categories differ or a type
    /// does not cast implicitly to the winner ("CASE types integer and text cannot be matched").
    func commonType(_ types: [SQLType]) -> Result<SQLType, CommonTypeMismatch> {
        let known = types.filter { $0 != .unknown }
        guard var chosen = known.first else { return .success(.text) }
        for next in known.dropFirst() where next != chosen {
            guard category(next) == category(chosen) else { return .failure(CommonTypeMismatch(first: chosen, second: next)) }
            if !isPreferred(chosen), castsImplicitly(chosen, to: next), !castsImplicitly(next, to: chosen) {
                chosen = next
            }
        }
        for type in known where !castsImplicitly(type, to: chosen) {
            return .failure(CommonTypeMismatch(first: chosen, second: type))
        }
        return .success(chosen)
    }

    struct CommonTypeMismatch: Error {
        var first: SQLType
        var second: SQLType
    }

    /// Integer types: the ones that cast implicitly to bigint without loss.
    func isInteger(_ type: SQLType) -> Bool { [.smallint, .integer, .bigint].contains(type) }
}

/// What the polymorphic parameters of one candidate bind to, given the actual argument types
/// (`check_generic_type_consistency` and `enforce_generic_type_consistency`).
struct PolymorphicBinding {
    var element: SQLType?
    var array: SQLType?
    var range: SQLType?
    var multirange: SQLType?
    var compatible: SQLType?
    var compatibleRange: SQLType?
    /// Some polymorphic parameter received only untyped arguments.
    var hasUnknownOnly = false

    /// Binds `declared` to `actual`; nil when they are inconsistent (`anyarray` given a
    /// non-array, `anyelement` given integer and text …).
    init?(declared: [SQLType], actual: [SQLType], coercion: TypeCoercion) {
        var compatibles: [SQLType] = []
        var needsNonArray = false
        var needsEnum = false
        var compatibleNonArray = false
        var usesFamily = false
        var usesCompatible = false
        for (parameter, argument) in zip(declared, actual) where TypeCoercion.isPolymorphic(parameter) {
            let isCompatible = parameter.name.hasPrefix("anycompatible")
            if isCompatible { usesCompatible = true } else { usesFamily = true }
            guard argument != .unknown else { continue }
            switch parameter.name {
            case "anyelement", "anynonarray", "anyenum":
                if parameter.name == "anynonarray" { needsNonArray = true }
                if parameter.name == "anyenum" { needsEnum = true }
                if let element, element != argument { return nil }
                element = argument
            case "anyarray":
                guard argument.isArray else { return nil }
                if let array, array != argument { return nil }
                array = argument
            case "anyrange":
                guard coercion.kind(argument) == "r" else { return nil }
                if let range, range != argument { return nil }
                range = argument
            case "anymultirange":
                guard coercion.kind(argument) == "m" else { return nil }
                if let multirange, multirange != argument { return nil }
                multirange = argument
            case "anycompatible", "anycompatiblenonarray":
                if parameter.name == "anycompatiblenonarray" { compatibleNonArray = true }
                compatibles.append(argument)
            case "anycompatiblearray":
                guard argument.isArray else { return nil }
                compatibles.append(argument.element)
            case "anycompatiblerange":
                guard coercion.kind(argument) == "r", let subtype = coercion.related(argument) else { return nil }
                if let compatibleRange, compatibleRange != argument { return nil }
                compatibleRange = argument
                compatibles.append(subtype)
            case "anycompatiblemultirange":
                guard coercion.kind(argument) == "m", let rangeType = coercion.related(argument),
                    let subtype = coercion.related(rangeType)
                else { return nil }
                if let compatibleRange, compatibleRange != rangeType { return nil }
                compatibleRange = rangeType
                compatibles.append(subtype)
            default:
                break
            }
        }
        if let multirange {
            guard let rangeType = coercion.related(multirange) else { return nil }
            if let range, range != rangeType { return nil }
            range = rangeType
        }
        if let array {
            if let element, element != array.element { return nil }
            element = array.element
        }
        if let range {
            guard let subtype = coercion.related(range) else { return nil }
            if let element, element != subtype { return nil }
            element = subtype
        }
        if needsNonArray, element?.isArray == true { return nil }
        if needsEnum, let element, !coercion.isEnum(element) { return nil }
        if usesFamily, element == nil { hasUnknownOnly = true }
        if usesCompatible {
            if compatibles.isEmpty {
                // Only untyped arguments: they resolve to text, as in UNION.
                compatible = .text
            } else {
                guard case .success(let common) = coercion.commonType(compatibles) else { return nil }
                if let compatibleRange, coercion.related(compatibleRange) != common { return nil }
                if compatibleNonArray, common.isArray { return nil }
                compatible = common
            }
        }
    }

    /// The concrete type a declared (possibly polymorphic) type stands for; nil when nothing
    /// determines it.
    func concrete(_ declared: SQLType, coercion: TypeCoercion) -> SQLType? {
        guard TypeCoercion.isPolymorphic(declared) else { return declared }
        switch declared.name {
        case "anyelement", "anynonarray", "anyenum": return element
        case "anyarray":
            if let array { return array }
            guard let element, coercion.hasArrayType(element) else { return nil }
            return element.array
        case "anyrange":
            return range ?? multirange.flatMap { coercion.related($0) }
        case "anymultirange":
            return multirange ?? range.flatMap { coercion.multirange(of: $0) }
        case "anycompatible", "anycompatiblenonarray": return compatible
        case "anycompatiblearray":
            guard let compatible, coercion.hasArrayType(compatible) else { return nil }
            return compatible.array
        case "anycompatiblerange": return compatibleRange
        case "anycompatiblemultirange": return compatibleRange.flatMap { coercion.multirange(of: $0) }
        default: return nil
        }
    }
}
