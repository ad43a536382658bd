using BnnCompiler.Isa.Repair;
using BnnCompiler.Mapping;
using BnnCompiler.Simulator.Analog;

namespace BnnCompiler.Simulator;

/// <summary>
/// Loads a repaired program's trim words (<see cref="RowGroupTrim"/>, first copy) into a simulated chip's column
/// references, as a chip is loaded with them after its test instead of calibrating again.
/// <code>
///   before: FunctionalSimulator whose analog layers hold their own references (calibrated, or not)
///   after:  every (block, column) of every analog layer reads with the program's gain and offset words
/// </code>
/// </summary>
public static class RepairTrimLoader
{
    /// <summary>Loads every analog layer's words; a layer whose blocks carry no trim is left as it is. Returns the layers trimmed.</summary>
    public static int Load(FunctionalSimulator simulator, ChipMapping mapping, ProgramRepair repair)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(repair);
        var loaded = 0;
        foreach (var layer in mapping.Layers)
        {
            if (simulator.Layers.GetValueOrDefault(layer.Name)?.Executor is not AnalogCrossbarLayer analog)
            {
                continue;
            }

            var placements = repair.FirstCopy.Where(b => b.Layer == layer.Name && b.Trims.Count > 0).ToList();
            if (placements.Count == 0)
            {
                continue;
            }

            var n = analog.Cells.Columns;
            var rows = analog.Cells.RowsPerBlock;
            var gain = new int[analog.Readout.Scale.Length];
            var offset = new int[gain.Length];
            Array.Fill(gain, 1 << (Circuits.Components.ReferenceTrimModel.TrimBits - 1));  // gain 1: a slot no placement trims reads as designed
            foreach (var p in placements)
            {
                var block = layer.Block(0, p.RowBlock, p.ColumnBlock);
                foreach (var t in p.Trims)
                {
                    var first = (((block.RowStart / rows) + t.Group) * n) + block.ColumnStart;
                    for (var c = 0; c < t.GainWords.Count; c++)
                    {
                        (gain[first + c], offset[first + c]) = (t.GainWords[c], t.OffsetWords[c]);
                    }
                }
            }

            analog.Trim(gain, offset);
            loaded++;
        }

        return loaded;
    }
}
