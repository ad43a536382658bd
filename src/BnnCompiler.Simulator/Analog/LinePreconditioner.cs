using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Solvers;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// Block-Jacobi preconditioner of the crossbar's nodal matrix (unknowns: row-line nodes, then column-line
/// nodes, each row-major): every row line and every column line is a symmetric tridiagonal block (wire
/// segments −γ off the diagonal; segments, end connections and the line's cells on the diagonal), solved
/// exactly by the Thomas algorithm. Only the cell couplings between a row node and a column node are left out.
/// </summary>
public sealed class LinePreconditioner(double[] g, int rows, int columns, double gamma) : IPreconditioner<double>
{
    public void Initialize(Matrix<double> matrix)
    {
    }

    public void Approximate(Vector<double> rhs, Vector<double> lhs)
    {
        ArgumentNullException.ThrowIfNull(rhs);
        ArgumentNullException.ThrowIfNull(lhs);
        var cells = rows * columns;
        var n = Math.Max(rows, columns);
        var diag = new double[n];
        var b = new double[n];
        var x = new double[n];
        var pivot = new double[n];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                // Row node: the segment on its left (to the driver or the previous node) and, but at the right end, on its right.
                diag[j] = g[(i * columns) + j] + (j < columns - 1 ? 2 * gamma : gamma);
                b[j] = rhs[(i * columns) + j];
            }

            Tridiagonal(diag, b, x, pivot, columns);
            for (var j = 0; j < columns; j++)
            {
                lhs[(i * columns) + j] = x[j];
            }
        }

        for (var j = 0; j < columns; j++)
        {
            for (var i = 0; i < rows; i++)
            {
                // Column node: the segment below it (to the next node or the read-out) and, but at the top, above it.
                diag[i] = g[(i * columns) + j] + (i > 0 ? 2 * gamma : gamma);
                b[i] = rhs[cells + (i * columns) + j];
            }

            Tridiagonal(diag, b, x, pivot, rows);
            for (var i = 0; i < rows; i++)
            {
                lhs[cells + (i * columns) + j] = x[i];
            }
        }
    }

    /// <summary>Solves the tridiagonal system with diagonal <paramref name="diag"/> and off-diagonals −γ.</summary>
    private void Tridiagonal(double[] diag, double[] b, double[] x, double[] pivot, int n)
    {
        pivot[0] = diag[0];
        x[0] = b[0];
        for (var k = 1; k < n; k++)
        {
            pivot[k] = diag[k] - (gamma * gamma / pivot[k - 1]);
            x[k] = b[k] + (gamma * x[k - 1] / pivot[k - 1]);
        }

        x[n - 1] /= pivot[n - 1];
        for (var k = n - 2; k >= 0; k--)
        {
            x[k] = (x[k] + (gamma * x[k + 1])) / pivot[k];
        }
    }
}
