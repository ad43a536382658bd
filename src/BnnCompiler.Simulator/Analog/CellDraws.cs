using BnnCompiler.Core.Randomness;
using BnnCompiler.Mapping.Defects;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The draws of one fabricated subarray in one trial, row-major over its cells (spares included), three per cell in
/// stream order: variation z, stuck-at u, drift z (see <see cref="AnalogStreams.Cells"/>).
/// </summary>
public sealed class CellDraws
{
    private CellDraws(double[] variation, double[] stuck, double[] drift) => (Variation, Stuck, Drift) = (variation, stuck, drift);

    public double[] Variation { get; }

    public double[] Stuck { get; }

    public double[] Drift { get; }

    public static CellDraws Draw(SplitMix64 cells, int count)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var (v, u, d) = (new double[count], new double[count], new double[count]);
        for (var i = 0; i < count; i++)
        {
            v[i] = cells.NextGaussian();
            u[i] = cells.NextDouble();
            d[i] = cells.NextGaussian();
        }

        return new CellDraws(v, u, d);
    }

    /// <summary>The stuck cells the stuck-at draws give at the model's rates.</summary>
    public SubarrayDefects Defects(StuckAtFaultModel model, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(model);
        var cells = new StuckState[rows * columns];
        if (model.IsActive)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = model.Draw(Stuck[i]) switch
                {
                    CellFault.StuckOn => StuckState.On,
                    CellFault.StuckOff => StuckState.Off,
                    _ => StuckState.None,
                };
            }
        }

        return new SubarrayDefects(rows, columns, cells);
    }
}
