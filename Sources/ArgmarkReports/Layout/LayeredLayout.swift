/// A Sugiyama-style layered drawing of a directed graph whose edges point upward (from a child
/// to the parent drawn above it), as argument maps do.
///
/// The steps, each iterative (no recursion, so a chain of 10,000 units cannot overflow the stack):
/// 1. cycles are broken by reversing the back edges of a depth-first search in input order;
/// 2. layering: longest path from the roots, with a width bound, so that a layer that would be
///    wider than ``Options/maximumWidth`` continues on the next row (Coffman–Graham style list
///    layering); edges spanning several rows get dummy nodes, one per row they cross;
/// 3. ordering: alternate downward and upward barycenter sweeps with adjacent transpositions,
///    keeping the order with the fewest crossings (counted exactly, layer pair by layer pair);
/// 4. coordinates: alternating sweeps that move every row towards the mean position of its
///    neighbours, solved exactly per row as an ordered least-squares problem (pool adjacent
///    violators), with long edges weighted so they stay straight;
/// 5. routing: every edge runs vertically through the rows it crosses, in the slot its dummy node
///    reserved between the boxes of that row, and as a smooth curve through the empty gaps
///    between rows; so no edge passes through a box.
///
/// Deterministic: ties are broken by input order; no hashing order or randomness is involved.
struct LayeredLayout {
    struct Options {
        var maximumWidth: Double
        var horizontalGap: Double
        var dummyWidth: Double
        var dummyGap: Double
        var verticalGap: Double
        var top: Double
        var left: Double
        /// Upper bound on dummy nodes, as a multiple of nodes + edges: beyond it the width bound
        /// is relaxed (a star of 10,000 leaves folded into rows would need millions of dummies).
        var dummyBudgetFactor = 8
        var sweeps = 12
    }

    struct Node {
        var width: Double
        var height: Double
        /// A point node (the junction where an undercut meets the relation it attacks): drawn at
        /// the middle of its row, with every edge meeting at one point.
        var isPoint = false
    }

    /// `child` is drawn below `parent`; the edge's path runs from the child up to the parent.
    struct Edge {
        var child: Int
        var parent: Int
    }

    struct Result {
        /// Top-left corner of every node.
        var x: [Double]
        var y: [Double]
        var row: [Int]
        /// One path per input edge, from the child's border to the parent's border; a segment
        /// between points at different x is meant to be drawn as a curve with vertical tangents.
        var paths: [[MapPoint]]
        var width: Double
        var bottom: Double
        var rowTops: [Double]
        var rowBottoms: [Double]
    }

    // MARK: - Working state

    private var nodes: [Node]
    private var edges: [Edge]
    private var options: Options
    /// Element ids: 0..<nodes.count are real nodes, the rest dummies.
    private var width: [Double] = []
    private var isDummy: [Bool] = []
    private var layerOf: [Int] = []
    private var layers: [[Int]] = []
    private var up: [[Int]] = []
    private var down: [[Int]] = []
    private var position: [Int] = []
    /// Per DAG edge (after reversal): upper end, lower end, the chain of dummies from lower to upper.
    private var chains: [(upper: Int, lower: Int, dummies: [Int], reversed: Bool)] = []

    static func layout(nodes: [Node], edges: [Edge], options: Options) -> Result {
        var layout = LayeredLayout(nodes: nodes, edges: edges, options: options)
        return layout.run()
    }

    private init(nodes: [Node], edges: [Edge], options: Options) {
        self.nodes = nodes
        self.edges = edges
        self.options = options
    }

    private mutating func run() -> Result {
        let n = nodes.count
        guard n > 0 else {
            return Result(x: [], y: [], row: [], paths: edges.map { _ in [] }, width: 0, bottom: options.top, rowTops: [], rowBottoms: [])
        }
        let dag = acyclicEdges()
        var capacityScale = 1.0
        var layering = assignLayers(dag, capacityScale: capacityScale)
        let budget = options.dummyBudgetFactor * (n + edges.count) + 1000
        while dummyCount(dag, layering) > budget, capacityScale < Double(n) {
            capacityScale *= 2
            layering = assignLayers(dag, capacityScale: capacityScale)
        }
        build(dag, layering)
        orderLayers()
        return place()
    }

    // MARK: 1. Cycles

    /// The edges as (upper, lower, reversed): a depth-first search from each node in input order
    /// reverses every edge that closes a cycle. Self-loops are dropped.
    private func acyclicEdges() -> [(upper: Int, lower: Int, reversed: Bool)] {
        let n = nodes.count
        var children = [[(node: Int, edge: Int)]](repeating: [], count: n)
        var hasParent = [Bool](repeating: false, count: n)
        for (index, edge) in edges.enumerated() where edge.child != edge.parent {
            children[edge.parent].append((edge.child, index))
            hasParent[edge.child] = true
        }
        var result = [(upper: Int, lower: Int, reversed: Bool)?](repeating: nil, count: edges.count)
        var state = [UInt8](repeating: 0, count: n)  // 0 new, 1 on the stack, 2 done
        // Roots first, so that a cycle hanging below a root is cut below it, then everything else.
        let starts = (0..<n).filter { !hasParent[$0] } + (0..<n).filter { hasParent[$0] }
        for start in starts where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let list = children[top.node]
                if top.next == list.count {
                    state[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let (child, edge) = list[top.next]
                switch state[child] {
                case 0:
                    result[edge] = (top.node, child, false)
                    state[child] = 1
                    stack.append((child, 0))
                case 1:
                    result[edge] = (child, top.node, true)
                default:
                    result[edge] = (top.node, child, false)
                }
            }
        }
        return result.enumerated().map { index, entry in
            entry ?? (edges[index].parent, edges[index].child, false)
        }
    }

    // MARK: 2. Layers

    /// Longest-path layering from the top, bounded in width: nodes are taken in order of their
    /// unbounded layer (then input order) and each goes to the first row at or below its lowest
    /// parent's row plus one that still has room. Isolated nodes come last.
    private func assignLayers(_ dag: [(upper: Int, lower: Int, reversed: Bool)], capacityScale: Double) -> [Int] {
        let n = nodes.count
        var parents = [[Int]](repeating: [], count: n)
        var childCount = [Int](repeating: 0, count: n)
        var children = [[Int]](repeating: [], count: n)
        for edge in dag where edge.upper != edge.lower {
            parents[edge.lower].append(edge.upper)
            children[edge.upper].append(edge.lower)
            childCount[edge.upper] += 1
        }
        // Unbounded longest path, by Kahn's algorithm in input order.
        var remaining = parents.map(\.count)
        var longest = [Int](repeating: 0, count: n)
        var queue = (0..<n).filter { remaining[$0] == 0 }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for child in children[node] {
                longest[child] = max(longest[child], longest[node] + 1)
                remaining[child] -= 1
                if remaining[child] == 0 { queue.append(child) }
            }
        }
        let isolated = (0..<n).map { parents[$0].isEmpty && childCount[$0] == 0 }
        let order = (0..<n).sorted { a, b in
            if isolated[a] != isolated[b] { return !isolated[a] }
            if longest[a] != longest[b] { return longest[a] < longest[b] }
            return a < b
        }
        // Room is kept in every row for a few edges passing through it.
        let limit = max(options.maximumWidth - 4 * (options.dummyWidth + options.dummyGap), 1) * capacityScale
        var used: [Double] = []
        var layer = [Int](repeating: 0, count: n)
        func use(_ row: Int, _ amount: Double) {
            while used.count <= row { used.append(0) }
            used[row] += amount
        }
        for node in order {
            var row = (parents[node].map { layer[$0] + 1 }.max()) ?? 0
            if isolated[node] { row = max(row, used.count - 1) }
            let cost = nodes[node].width + options.horizontalGap
            while row < used.count, used[row] > 0, used[row] + cost > limit { row += 1 }
            layer[node] = row
            use(row, cost)
            for parent in parents[node] where layer[parent] + 1 < row {
                for between in (layer[parent] + 1)..<row { use(between, options.dummyWidth + options.dummyGap) }
            }
        }
        relieve(&layer, parents: parents, children: children, used: &used, limit: limit + 4 * (options.dummyWidth + options.dummyGap))
        return layer
    }

    /// Edges passing through a row can still make it wider than the page once every node has its
    /// row: moves nodes of such a row (the last in input order first, and only those whose
    /// children are at least two rows down) to the next row, which turns the node into one thin
    /// pass-through per parent edge.
    private func relieve(_ layer: inout [Int], parents: [[Int]], children: [[Int]], used: inout [Double], limit: Double) {
        let n = nodes.count
        var members = [[Int]](repeating: [], count: used.count)
        for node in 0..<n { members[layer[node]].append(node) }
        let pass = options.dummyWidth + options.dummyGap
        var moves = 0
        var row = 0
        while row < members.count, moves < 4 * n {
            defer { row += 1 }
            while used[row] > limit, members[row].count > 1, moves < 4 * n {
                guard let candidate = members[row].reversed().first(where: { node in
                    children[node].allSatisfy { layer[$0] >= row + 2 }
                }) else { break }
                moves += 1
                members[row].removeAll { $0 == candidate }
                if members.count <= row + 1 {
                    members.append([])
                    used.append(0)
                }
                members[row + 1].append(candidate)
                members[row + 1].sort()
                layer[candidate] = row + 1
                let cost = nodes[candidate].width + options.horizontalGap
                used[row] += Double(parents[candidate].count) * pass - cost
                used[row + 1] += cost - Double(children[candidate].count) * pass
            }
        }
    }

    private func dummyCount(_ dag: [(upper: Int, lower: Int, reversed: Bool)], _ layer: [Int]) -> Int {
        dag.reduce(0) { $0 + max(0, layer[$1.lower] - layer[$1.upper] - 1) }
    }

    /// Creates the dummies and the adjacency between consecutive rows.
    private mutating func build(_ dag: [(upper: Int, lower: Int, reversed: Bool)], _ layering: [Int]) {
        let n = nodes.count
        width = nodes.map(\.width)
        isDummy = [Bool](repeating: false, count: n)
        layerOf = layering
        up = [[Int]](repeating: [], count: n)
        down = [[Int]](repeating: [], count: n)
        for edge in dag {
            // The layering puts every lower end below its upper end; only self-loops are left out.
            guard edge.upper != edge.lower, layerOf[edge.lower] > layerOf[edge.upper] else {
                chains.append((edge.upper, edge.upper, [], edge.reversed))
                continue
            }
            var dummies: [Int] = []
            var previous = edge.lower
            var row = layerOf[edge.lower] - 1
            while row > layerOf[edge.upper] {
                let dummy = width.count
                width.append(options.dummyWidth)
                isDummy.append(true)
                layerOf.append(row)
                up.append([])
                down.append([])
                down[dummy].append(previous)
                up[previous].append(dummy)
                dummies.append(dummy)
                previous = dummy
                row -= 1
            }
            up[previous].append(edge.upper)
            down[edge.upper].append(previous)
            chains.append((edge.upper, edge.lower, dummies, edge.reversed))
        }
        let rows = (layerOf.max() ?? 0) + 1
        layers = [[Int]](repeating: [], count: rows)
        for element in 0..<width.count { layers[layerOf[element]].append(element) }
        position = [Int](repeating: 0, count: width.count)
        setPositions()
    }

    private mutating func setPositions() {
        for row in layers { for (index, element) in row.enumerated() { position[element] = index } }
    }

    // MARK: 3. Ordering

    private mutating func orderLayers() {
        var best = layers
        var bestCrossings = totalCrossings()
        var sinceImprovement = 0
        for sweep in 0..<options.sweeps {
            let downward = sweep % 2 == 0
            let rows = downward ? Array(1..<max(1, layers.count)) : Array((0..<max(0, layers.count - 1)).reversed())
            for row in rows where row < layers.count {
                reorder(row, byNeighbours: downward ? up : down)
            }
            transpose()
            let crossings = totalCrossings()
            if crossings < bestCrossings {
                bestCrossings = crossings
                best = layers
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 4 || crossings == 0 { break }
            }
            if bestCrossings == 0 { break }
        }
        layers = best
        setPositions()
    }

    /// Sorts a row by the mean position of each element's neighbours in the fixed row; elements
    /// without neighbours there keep their place.
    private mutating func reorder(_ row: Int, byNeighbours neighbours: [[Int]]) {
        let elements = layers[row]
        var keyed: [(key: Double, index: Int, element: Int)] = []
        keyed.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let list = neighbours[element]
            let key = list.isEmpty ? Double(index) : Double(list.reduce(0) { $0 + position[$1] }) / Double(list.count)
            keyed.append((key, index, element))
        }
        keyed.sort { ($0.key, $0.index) < ($1.key, $1.index) }
        layers[row] = keyed.map(\.element)
        for (index, element) in layers[row].enumerated() { position[element] = index }
    }

    /// Swaps neighbours in a row while that lowers the crossings with both adjacent rows.
    private mutating func transpose() {
        var improved = true
        var rounds = 0
        while improved, rounds < 8 {
            improved = false
            rounds += 1
            for row in layers.indices where layers[row].count > 1 {
                var index = 0
                while index + 1 < layers[row].count {
                    let a = layers[row][index], b = layers[row][index + 1]
                    let before = pairCrossings(a, b, up) + pairCrossings(a, b, down)
                    let after = pairCrossings(b, a, up) + pairCrossings(b, a, down)
                    if after < before {
                        layers[row][index] = b
                        layers[row][index + 1] = a
                        position[a] = index + 1
                        position[b] = index
                        improved = true
                    }
                    index += 1
                }
            }
        }
    }

    /// Crossings between the edges of `left` and those of `right` (left placed first) into one
    /// neighbouring row.
    private func pairCrossings(_ left: Int, _ right: Int, _ neighbours: [[Int]]) -> Int {
        let a = neighbours[left], b = neighbours[right]
        if a.isEmpty || b.isEmpty { return 0 }
        var count = 0
        for u in a { for v in b where position[u] > position[v] { count += 1 } }
        return count
    }

    /// Crossings over all pairs of consecutive rows, by counting inversions (merge sort).
    private func totalCrossings() -> Int {
        var total = 0
        for row in 1..<max(1, layers.count) {
            var pairs: [(Int, Int)] = []
            for element in layers[row] {
                for parent in up[element] { pairs.append((position[element], position[parent])) }
            }
            pairs.sort { $0 < $1 }
            var values = pairs.map(\.1)
            total += Self.inversions(&values)
        }
        return total
    }

    static func inversions(_ values: inout [Int]) -> Int {
        guard values.count > 1 else { return 0 }
        var buffer = values
        var count = 0
        var width = 1
        while width < values.count {
            var start = 0
            while start < values.count {
                let middle = min(start + width, values.count), end = min(start + 2 * width, values.count)
                var i = start, j = middle, k = start
                while i < middle, j < end {
                    if values[i] <= values[j] { buffer[k] = values[i]; i += 1 } else { buffer[k] = values[j]; j += 1; count += middle - i }
                    k += 1
                }
                while i < middle { buffer[k] = values[i]; i += 1; k += 1 }
                while j < end { buffer[k] = values[j]; j += 1; k += 1 }
                start += 2 * width
            }
            swap(&values, &buffer)
            width *= 2
        }
        return count
    }

    // MARK: 4. Coordinates and 5. routing

    private func separation(_ a: Int, _ b: Int) -> Double {
        let gap = isDummy[a] || isDummy[b] || nodes.indices.contains(a) && nodes[a].isPoint || nodes.indices.contains(b) && nodes[b].isPoint
            ? options.dummyGap : options.horizontalGap
        return (width[a] + width[b]) / 2 + gap
    }

    private func weight(_ a: Int, _ b: Int) -> Double {
        isDummy[a] && isDummy[b] ? 8 : (isDummy[a] || isDummy[b] ? 2 : 1)
    }

    /// Centres minimising the weighted squared distance to `desired`, keeping the row's order and
    /// separations: pool adjacent violators on the centres shifted by their cumulative separation.
    private func fit(_ row: [Int], desired: [Double], weights: [Double]) -> [Double] {
        var offsets = [Double](repeating: 0, count: row.count)
        for index in row.indices.dropFirst() { offsets[index] = offsets[index - 1] + separation(row[index - 1], row[index]) }
        var blocks: [(value: Double, weight: Double, count: Int)] = []
        for index in row.indices {
            var block = (value: desired[index] - offsets[index], weight: weights[index], count: 1)
            while let last = blocks.last, last.value >= block.value {
                blocks.removeLast()
                let total = last.weight + block.weight
                block = ((last.value * last.weight + block.value * block.weight) / total, total, last.count + block.count)
            }
            blocks.append(block)
        }
        // Clamping the ordered solution to one interval is the optimum under that bound too: the
        // row stays within the page width whenever it fits at all.
        let lowest = width[row[0]] / 2
        let highest = max(lowest, options.maximumWidth - options.horizontalGap - width[row[row.count - 1]] / 2 - offsets[row.count - 1])
        var result: [Double] = []
        result.reserveCapacity(row.count)
        for block in blocks {
            let value = min(max(block.value, lowest), highest)
            for _ in 0..<block.count { result.append(value + offsets[result.count]) }
        }
        return result
    }

    private mutating func place() -> Result {
        var center = [Double](repeating: 0, count: width.count)
        for row in layers {
            var x = 0.0
            for (index, element) in row.enumerated() {
                if index > 0 { x += separation(row[index - 1], element) }
                center[element] = x
            }
        }
        func relax(_ row: Int, _ lists: [[[Int]]]) {
            let elements = layers[row]
            var desired: [Double] = []
            var weights: [Double] = []
            for element in elements {
                var sum = 0.0, total = 0.0
                for list in lists {
                    for other in list[element] {
                        let w = weight(element, other)
                        sum += center[other] * w
                        total += w
                    }
                }
                desired.append(total > 0 ? sum / total : center[element])
                weights.append(total > 0 ? total : 0.01)
            }
            let fitted = fit(elements, desired: desired, weights: weights)
            for (index, element) in elements.enumerated() { center[element] = fitted[index] }
        }
        for _ in 0..<6 {
            for row in layers.indices.dropFirst() { relax(row, [up]) }
            for row in layers.indices.reversed().dropFirst() { relax(row, [down]) }
        }
        for row in layers.indices { relax(row, [up, down]) }
        for row in layers.indices.reversed() { relax(row, [up, down]) }
        for element in center.indices { center[element] += options.left }
        // Rows: real nodes top-aligned; a row of only dummies and points keeps a small height.
        var rowTops: [Double] = []
        var rowBottoms: [Double] = []
        var y = options.top
        for row in layers {
            let height = row.filter { $0 < nodes.count }.map { nodes[$0].height }.max() ?? 0
            rowTops.append(y)
            rowBottoms.append(y + max(height, 24))
            y += max(height, 24) + options.verticalGap
        }
        let n = nodes.count
        var x = [Double](repeating: 0, count: n), top = [Double](repeating: 0, count: n)
        for node in 0..<n {
            x[node] = center[node] - width[node] / 2
            let row = layerOf[node]
            top[node] = nodes[node].isPoint ? (rowTops[row] + rowBottoms[row]) / 2 : rowTops[row]
        }
        // Ports: the edges leaving a node's top (or entering its bottom) are spread along it in
        // the order of where they go, so they do not cross at the node.
        var topPorts = [[(edge: Int, key: Double)]](repeating: [], count: n)
        var bottomPorts = [[(edge: Int, key: Double)]](repeating: [], count: n)
        for (index, chain) in chains.enumerated() where chain.upper != chain.lower {
            let firstAbove = chain.dummies.first ?? chain.upper
            let lastBelow = chain.dummies.last ?? chain.lower
            topPorts[chain.lower].append((index, center[firstAbove]))
            bottomPorts[chain.upper].append((index, center[lastBelow]))
        }
        var topX = [Int: Double](), bottomX = [Int: Double]()
        func spread(_ ports: [(edge: Int, key: Double)], node: Int, into map: inout [Int: Double]) {
            let sorted = ports.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element.edge)
            let span = nodes[node].isPoint ? 0 : width[node] * 0.6
            for (slot, edge) in sorted.enumerated() {
                let offset = sorted.count > 1 ? (Double(slot) / Double(sorted.count - 1) - 0.5) * span : 0
                map[edge] = center[node] + offset
            }
        }
        for node in 0..<n {
            spread(topPorts[node], node: node, into: &topX)
            spread(bottomPorts[node], node: node, into: &bottomX)
        }
        var chainPaths = [[MapPoint]](repeating: [], count: chains.count)
        for (index, chain) in chains.enumerated() where chain.upper != chain.lower {
            var points: [MapPoint] = []
            let lower = chain.lower, upper = chain.upper
            let startX = topX[index]!
            if nodes[lower].isPoint {
                points.append(MapPoint(x: center[lower], y: top[lower]))
            }
            points.append(MapPoint(x: startX, y: rowTops[layerOf[lower]]))
            for dummy in chain.dummies {
                let row = layerOf[dummy]
                points.append(MapPoint(x: center[dummy], y: rowBottoms[row]))
                points.append(MapPoint(x: center[dummy], y: rowTops[row]))
            }
            let endX = bottomX[index]!
            let row = layerOf[upper]
            points.append(MapPoint(x: endX, y: rowBottoms[row]))
            let end = nodes[upper].isPoint ? MapPoint(x: center[upper], y: top[upper]) : MapPoint(x: endX, y: top[upper] + nodes[upper].height)
            if end != points.last! { points.append(end) }
            chainPaths[index] = chain.reversed ? points.reversed() : points
        }
        // The DAG keeps one entry per input edge, in input order.
        let paths = chainPaths
        let right = (0..<width.count).map { center[$0] + width[$0] / 2 }.max() ?? 0
        return Result(x: x, y: top, row: Array(layerOf.prefix(n)), paths: paths, width: right,
                      bottom: (rowBottoms.last ?? options.top), rowTops: rowTops, rowBottoms: rowBottoms)
    }
}
