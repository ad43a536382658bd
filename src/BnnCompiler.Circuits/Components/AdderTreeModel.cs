using BnnCompiler.Circuits.Technology;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// A binary adder tree summing k inputs of b bits (the partial sums of k subarrays, PEs or tiles). Level i
/// (1 … ⌈log2 k⌉) has ⌈k / 2^i⌉ adders of b + i bits (<see cref="AdderModel"/>).
/// <list type="bullet">
/// <item>Area = Σ adders' areas; energy per evaluation (one output value) = Σ adders' energies;</item>
/// <item>latency = Σ over levels of one adder's delay (the tree is not pipelined inside).</item>
/// </list>
/// </summary>
public static class AdderTreeModel
{
    public static UnitCost Tree(int inputs, int bits, TechnologyNode tech)
    {
        if (inputs <= 1)
        {
            return UnitCost.Zero;
        }

        var total = UnitCost.Zero;
        var latency = 0.0;
        var remaining = inputs;
        for (var level = 1; remaining > 1; level++)
        {
            var adders = remaining / 2;
            var adder = AdderModel.Adder(bits + level, tech);
            total = total.Plus(adder.Times(adders));
            latency += adder.LatencyNs;
            remaining = adders + (remaining % 2);
        }

        return total with { LatencyNs = latency };
    }

    /// <summary>Levels of the tree: ⌈log2 k⌉.</summary>
    public static int Levels(int inputs) => inputs <= 1 ? 0 : (int)Math.Ceiling(Math.Log2(inputs));
}
