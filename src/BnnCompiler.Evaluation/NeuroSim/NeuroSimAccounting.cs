using BnnCompiler.Circuits;
using BnnCompiler.Circuits.Activity;
using BnnCompiler.Circuits.Activity.NeuroSim;
using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Core.Ir;
using BnnCompiler.CostModel.Pricing;
using BnnCompiler.CostModel.Report;
using BnnCompiler.Mapping;

namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>
/// The NeuroSim-compatible accounting (<c>cost.accounting: neurosim_v1_3</c>): the mapped chip's layers written as
/// NeuroSim V1.3's network rows (<see cref="NeuroSimNetwork"/>), its floorplan for them (<see cref="NeuroSimFloorplan"/>:
/// tiles, PEs, copies in spare PEs and subarrays first), counts and stage cycles charged by its rules
/// (<see cref="NeuroSimActivity"/>) and priced on its tiles with idle-only leakage (<see cref="NeuroSimPricing"/>).
/// <code>
/// before: graph + mapping (our floorplan, our copies)
/// after:  CostReport as NeuroSim V1.3 would charge the same chip
/// </code>
/// </summary>
public static class NeuroSimAccounting
{
    /// <exception cref="DiagnosticException">BNN8001 for a layer NeuroSim cannot express; BNN8004 when NeuroSim V1.3
    /// would refuse the network (its widest layer narrower than 4 subarrays).</exception>
    public static CostReport Estimate(IrGraph graph, ChipMapping mapping)
    {
        var plan = Plan(graph, mapping);
        var (counts, timing) = NeuroSimActivity.Estimate(mapping, plan, ActivityAssumptions.Default);
        return NeuroSimPricing.Price(mapping, plan, counts, timing, CircuitOptions.Default);
    }

    /// <summary>NeuroSim V1.3's floorplan of the mapped chip, per layer.</summary>
    public static NeuroSimChipPlan Plan(IrGraph graph, ChipMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var rows = NeuroSimNetwork.Rows(graph, mapping);
        var spec = mapping.Spec;
        var floorplan = NeuroSimFloorplan.Plan(rows, spec.Subarray.Rows, spec.Subarray.Columns, spec.Pipeline.Duplication.MaxCopies)
            ?? throw new DiagnosticException(Diagnostic.Error(NeuroSimCodes.NetworkRefused,
                $"cost.accounting neurosim_v1_3: NeuroSim V1.3 refuses '{mapping.Model}': its widest layer ({rows.Max(r => r.OutChannels)} columns) "
                + $"is narrower than 4 subarrays ({4 * spec.Subarray.Columns} columns) once rounded up to a power of two; use cost.accounting physical",
                new SourceLocation(spec.SourcePath)));
        var layers = mapping.Layers.Select(l =>
        {
            var r = rows[l.Index];
            return new NeuroSimLayerPlan
            {
                LayerId = l.Index,
                Windows = r.NeuroSimWindows,
                MatrixRows = r.MatrixRows,
                MatrixColumns = r.OutChannels,
                Pooled = r.FollowedByMaxPool,
                InputValues = (long)r.IfmHeight * r.IfmWidth * r.InChannels,
                Tiles = floorplan.TilesPerLayer[l.Index],
                SpeedUp = floorplan.SpeedUpPerLayer[l.Index],
                ColumnSpeedUp = floorplan.ColumnSpeedUpPerLayer[l.Index],
            };
        }).ToList();
        return new NeuroSimChipPlan(floorplan.TileSize, floorplan.PeSize, layers);
    }
}
