/// The models of a schema, looked up by table and by column count. A query's result is matched
/// against the models; scanning all of them for each query made that step grow with
/// queries × tables (a large share of the emitter's time on 500 tables).
struct ModelIndex: Sendable {
    /// Every model, in catalog order.
    let models: [ModelPlan]
    private let byTable: [TableName: Int]
    private let byColumnCount: [Int: [Int]]

    private struct TableName: Sendable, Hashable {
        var schema: String
        var name: String
    }

    init(_ models: [ModelPlan]) {
        self.models = models
        var byTable: [TableName: Int] = [:]
        var byColumnCount: [Int: [Int]] = [:]
        for (index, model) in models.enumerated() {
            let key = TableName(schema: model.table.schema, name: model.table.name)
            if byTable[key] == nil { byTable[key] = index }
            byColumnCount[model.table.columns.count, default: []].append(index)
        }
        self.byTable = byTable
        self.byColumnCount = byColumnCount
    }

    /// The first model of the table `schema.name`.
    func model(schema: String, table name: String) -> ModelPlan? {
        byTable[TableName(schema: schema, name: name)].map { models[$0] }
    }

    /// The models whose table has `count` columns, in catalog order: the only ones a result of
    /// `count` columns can match.
    func models(withColumnCount count: Int) -> [ModelPlan] {
        (byColumnCount[count] ?? []).map { models[$0] }
    }
}
