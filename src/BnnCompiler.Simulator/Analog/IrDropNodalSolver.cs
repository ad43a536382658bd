using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Double.Solvers;
using MathNet.Numerics.LinearAlgebra.Solvers;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Exact nodal analysis of the crossbar circuit of <see cref="IrDropModel"/>: 2·R·C unknown node voltages (one
/// row-line and one column-line node per cell), one Kirchhoff current equation per node, assembled as a sparse
/// symmetric positive-definite conductance matrix (MathNet.Numerics) and solved by MathNet's BiCGStab to a
/// relative residual of 1e−12, far below the approximation errors it checks. The preconditioner is block
/// Jacobi over the lines: each row line and each column line (its wire segments and the cells on its diagonal)
/// is a tridiagonal block solved exactly, only the cell couplings between lines are left to the iteration
/// (<see cref="LinePreconditioner"/>). The reference for the approximation, not part of the simulation.
/// </summary>
public static class IrDropNodalSolver
{
    /// <summary>
    /// Column currents (units of G_on·V_read) for cell conductances <paramref name="g"/> (row-major, G_on units),
    /// wire conductance <paramref name="gamma"/> = R_on/r and row drive voltages <paramref name="drive"/>
    /// (units of V_read; 0 = row driven at 0 V).
    /// </summary>
    public static double[] ColumnCurrents(ReadOnlySpan<double> g, int rows, int columns, double gamma, ReadOnlySpan<double> drive)
    {
        if (g.Length != rows * columns || drive.Length != rows)
        {
            throw new ArgumentException($"expected {rows}×{columns} conductances and {rows} drives");
        }

        var cells = rows * columns;
        int RowNode(int i, int j) => (i * columns) + j;
        int ColumnNode(int i, int j) => cells + (i * columns) + j;
        var entries = new Dictionary<(int Row, int Column), double>(cells * 8);
        var rhs = new double[2 * cells];
        void Add(int a, int b, double value) => entries[(a, b)] = entries.GetValueOrDefault((a, b)) + value;
        void Link(int a, int b, double conductance)
        {
            Add(a, a, conductance);
            Add(b, b, conductance);
            Add(a, b, -conductance);
            Add(b, a, -conductance);
        }

        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var cell = g[(i * columns) + j];
                if (cell != 0)
                {
                    Link(RowNode(i, j), ColumnNode(i, j), cell);
                }

                if (j == 0)
                {
                    Add(RowNode(i, 0), RowNode(i, 0), gamma);
                    rhs[RowNode(i, 0)] += gamma * drive[i];
                }
                else
                {
                    Link(RowNode(i, j - 1), RowNode(i, j), gamma);
                }

                if (i == rows - 1)
                {
                    Add(ColumnNode(i, j), ColumnNode(i, j), gamma);
                }
                else
                {
                    Link(ColumnNode(i, j), ColumnNode(i + 1, j), gamma);
                }
            }
        }

        var matrix = SparseMatrix.OfIndexed(2 * cells, 2 * cells, entries.Select(e => Tuple.Create(e.Key.Row, e.Key.Column, e.Value)));
        var b = DenseVector.OfArray(rhs);
        var iterator = new Iterator<double>(
            new IterationCountStopCriterion<double>(100_000),
            new ResidualStopCriterion<double>(1e-12),
            new DivergenceStopCriterion<double>());
        var solution = matrix.SolveIterative(b, new BiCgStab(), iterator, new LinePreconditioner(g.ToArray(), rows, columns, gamma));
        if (iterator.Status != IterationStatus.Converged)
        {
            throw new InvalidOperationException($"nodal solve did not converge: {iterator.Status}");
        }

        var currents = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            currents[j] = gamma * solution[ColumnNode(rows - 1, j)];
        }

        return currents;
    }
}
