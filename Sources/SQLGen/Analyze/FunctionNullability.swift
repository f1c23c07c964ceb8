/// When a function's result can be NULL. PostgreSQL's catalog says only which functions are
/// STRICT (NULL in, NULL out); the rule here is "NULL only from a NULL argument", for strict
/// and non-strict functions alike, with the documented exceptions listed below.
enum FunctionNullability {
    /// Functions that can return NULL from arguments that are not NULL: empty or missing
    /// lookups, no match, no rows. A name alone covers every overload; `name(types)` one.
    static let canReturnNull: Set<String> = [
        "array_length", "array_lower", "array_upper", "array_ndims", "array_dims", "array_position",
        "regexp_match", "regexp_substr", "substring(text,text)", "substring(text,text,text)",
        "current_setting(text,boolean)", "nullif", "unnest", "json_array_elements_text", "jsonb_array_elements_text",
        "to_regclass", "to_regtype", "to_regproc", "to_regprocedure", "to_regoper", "to_regoperator", "to_regrole",
        "to_regnamespace", "to_regcollation", "jsonb_extract_path", "jsonb_extract_path_text", "json_extract_path",
        "json_extract_path_text", "jsonb_path_query_first", "jsonb_path_query_first_tz", "json_object_field",
        "json_object_field_text", "jsonb_object_field", "jsonb_object_field_text", "json_array_element",
        "json_array_element_text", "jsonb_array_element", "jsonb_array_element_text", "inet_client_addr",
        "inet_client_port", "inet_server_addr", "inet_server_port", "txid_current_if_assigned",
        "pg_current_xact_id_if_assigned", "lag", "lead", "first_value", "last_value", "nth_value", "ntile",
        "array_cat", "string_to_table", "pg_get_expr", "obj_description", "col_description", "shobj_description",
        "pg_get_constraintdef", "pg_get_indexdef", "pg_get_viewdef", "pg_get_serial_sequence", "currval", "lastval",
        "xpath", "json_populate_record", "jsonb_populate_record",
        // A range's bound is NULL when the range is empty or unbounded on that side.
        "lower(anyrange)", "upper(anyrange)", "lower(anymultirange)", "upper(anymultirange)",
    ]

    /// Non-strict functions that skip NULL arguments and never return NULL.
    static let neverNull: Set<String> = [
        "concat", "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array",
        "num_nulls", "num_nonnulls", "array_append", "array_prepend", "row_number", "rank", "dense_rank",
        "percent_rank", "cume_dist", "count", "regr_count", "pg_typeof",
    ]

    /// OUT columns of table functions that are never NULL (the others may be).
    static let nonNullOutputColumns: [String: Set<String>] = [
        "json_each": ["key", "value"], "jsonb_each": ["key", "value"], "json_each_text": ["key"],
        "jsonb_each_text": ["key"], "json_array_elements": ["value"], "jsonb_array_elements": ["value"],
        "ts_stat": ["word", "ndoc", "nentry"], "pg_options_to_table": ["option_name"],
        "regexp_matches": ["regexp_matches"], "ts_parse": ["tokid", "token"], "ts_token_type": ["tokid", "alias"],
    ]

    /// Whether `function`, called with `arguments` (their nullability), can return NULL.
    static func isNullable(_ function: BuiltinCatalog.Function, arguments: [Bool]) -> Bool {
        // A schema's own function can return NULL whenever its body does.
        if function.isUserDefined { return true }
        if neverNull.contains(function.name) { return false }
        if function.isAggregate { return true }  // over zero rows
        let signature = "\(function.name)(\(function.arguments.map(\.description).joined(separator: ",")))"
        if canReturnNull.contains(function.name) || canReturnNull.contains(signature) { return true }
        return arguments.contains(true)
    }
}
