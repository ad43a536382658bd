namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// IR drop on the word and bit lines, fast approximation. Circuit (also solved exactly by
/// <see cref="IrDropNodalSolver"/>): each row line is driven from its left end (column 0) by a driver at V_read
/// (input bit 1) or 0 V (input bit 0), through one wire segment; each column line is sensed at its bottom end
/// (below row R−1) by a virtual-ground read-out, through one segment; every cell sits between its row-line node
/// and its column-line node; adjacent nodes of a line are joined by one segment of resistance r
/// (<c>non_idealities.ir_drop.wire_resistance_ohm</c>). All conductances are in units of G_on, so the wire
/// conductance is γ = R_on/r.
/// <para>
/// Because every row is driven (to V_read or 0 V) the network is linear and fixed, so the column currents are
/// I_j = Σ_i x_i·E_ij·V_read for an effective conductance matrix E that does not depend on the input, and the
/// simulation reads with E instead of G at no extra cost per read. E is approximated per cell, in O(R·C):
/// </para>
/// <list type="number">
/// <item>column j alone, with every row line at 0 V, is a tridiagonal system A_j (cells to ground, segments
/// between nodes, one segment to the sense node); w = A_j⁻¹·e_{R−1} gives the share γ·w_i of a current injected
/// at row i that reaches the read-out, and d_i = (A_j⁻¹)_ii the column's own rise, so a row node at voltage v
/// pushes G_ij·(1 − G_ij·d_i)·v into column j;</item>
/// <item>row i alone, with those loads to ground, is another tridiagonal system, solved exactly for the row-node
/// voltages v_ij (Thomas algorithm);</item>
/// <item>E_ij = γ · G_ij · v_ij · w_i.</item>
/// </list>
/// For one driven row this is exact except that other rows' nodes are taken at 0 V instead of the small voltage
/// their grounded drivers let them rise to; superposition then gives every input pattern. The error against the
/// exact nodal solution is stated and tested in docs/non-idealities.md (tests: IrDropTests).
/// </summary>
public static class IrDropModel
{
    /// <summary>
    /// The effective conductances E [rows, columns] (row-major) of the cell conductances <paramref name="g"/>
    /// (row-major, G_on units) for wire conductance <paramref name="gamma"/> = R_on / r. Infinite γ returns G.
    /// </summary>
    public static double[] Effective(ReadOnlySpan<double> g, int rows, int columns, double gamma)
    {
        if (g.Length != rows * columns)
        {
            throw new ArgumentException($"expected {rows}×{columns} conductances, got {g.Length}", nameof(g));
        }

        var e = g.ToArray();
        if (double.IsPositiveInfinity(gamma))
        {
            return e;
        }

        var share = new double[rows * columns];  // γ·w_i of column j, at [i, j]
        var load = new double[rows * columns];   // G_ij·(1 − G_ij·d_i)
        var forward = new double[Math.Max(rows, columns)];
        var backward = new double[Math.Max(rows, columns)];
        var diag = new double[Math.Max(rows, columns)];
        for (var j = 0; j < columns; j++)
        {
            for (var i = 0; i < rows; i++)
            {
                var neighbours = (i > 0 ? 1 : 0) + 1; // the segment below leads to the next node or to the read-out
                diag[i] = g[(i * columns) + j] + (neighbours * gamma);
            }

            // Forward and backward Schur complements of the symmetric tridiagonal A (off-diagonal −γ).
            forward[0] = diag[0];
            for (var i = 1; i < rows; i++)
            {
                forward[i] = diag[i] - (gamma * gamma / forward[i - 1]);
            }

            backward[rows - 1] = diag[rows - 1];
            for (var i = rows - 2; i >= 0; i--)
            {
                backward[i] = diag[i] - (gamma * gamma / backward[i + 1]);
            }

            var w = 1.0 / forward[rows - 1];
            for (var i = rows - 1; i >= 0; i--)
            {
                if (i < rows - 1)
                {
                    w = gamma * w / forward[i];
                }

                var gij = g[(i * columns) + j];
                var inverseDiagonal = 1.0 / (forward[i] + backward[i] - diag[i]);
                share[(i * columns) + j] = gamma * w;
                load[(i * columns) + j] = gij * (1.0 - (gij * inverseDiagonal));
            }
        }

        var v = new double[columns];
        for (var i = 0; i < rows; i++)
        {
            var rowBase = i * columns;
            SolveRow(load.AsSpan(rowBase, columns), gamma, forward, v);
            for (var j = 0; j < columns; j++)
            {
                e[rowBase + j] = g[rowBase + j] * v[j] * share[rowBase + j];
            }
        }

        return e;
    }

    /// <summary>
    /// Row-node voltages of one row driven at 1 from the left through γ, nodes joined by γ, each loaded by
    /// <paramref name="load"/> to ground (Thomas algorithm on the symmetric tridiagonal system).
    /// </summary>
    private static void SolveRow(ReadOnlySpan<double> load, double gamma, double[] pivot, double[] v)
    {
        var n = load.Length;
        var rhs = v; // forward-eliminated right-hand side, overwritten by the solution
        for (var j = 0; j < n; j++)
        {
            var diag = load[j] + (j < n - 1 ? 2 * gamma : gamma); // the segment on the left leads to the driver or the previous node
            var b = j == 0 ? gamma : 0.0;
            if (j > 0)
            {
                diag -= gamma * gamma / pivot[j - 1];
                b += gamma * rhs[j - 1] / pivot[j - 1];
            }

            pivot[j] = diag;
            rhs[j] = b;
        }

        v[n - 1] = rhs[n - 1] / pivot[n - 1];
        for (var j = n - 2; j >= 0; j--)
        {
            v[j] = (rhs[j] + (gamma * v[j + 1])) / pivot[j];
        }
    }
}
