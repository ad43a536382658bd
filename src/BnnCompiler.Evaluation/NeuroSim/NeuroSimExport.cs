using System.Text;
using BnnCompiler.Core.Ir;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Mapping;
using BnnCompiler.Simulator;

namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>
/// Writes NeuroSim V1.3's inputs for a mapped chip into a folder: <c>NetWork.csv</c>, <c>weight&lt;L&gt;.csv</c> and
/// <c>input&lt;L&gt;.csv</c> per layer (L from 1, stage order), <c>param.txt</c> (the Param.cpp values the spec implies,
/// the layer list and the command) and <c>run-neurosim.sh</c> (runs a NeuroSim binary on them). The input traces are
/// the activations the simulator computes for one image, or seeded Bernoulli(0.5) bits. Files are written into a
/// scratch folder beside the target and moved into place only when all of them are complete.
/// </summary>
public static class NeuroSimExport
{
    /// <summary>
    /// Writes the export of <paramref name="mapping"/> (of <paramref name="graph"/>) into <paramref name="directory"/>:
    /// traces from <paramref name="sample"/> run through the simulator, or, when it is null, Bernoulli(0.5) bits drawn
    /// with <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="DiagnosticException">BNN8001 for a layer NeuroSim cannot express.</exception>
    /// <exception cref="IOException">The folder cannot be written (the scratch folder is removed).</exception>
    public static NeuroSimExportResult Write(IrGraph graph, ChipMapping mapping, string directory, float[]? sample, int seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(mapping);
        var rows = NeuroSimNetwork.Rows(graph, mapping);
        var planes = mapping.Layers.Max(l => l.InputBits);
        var values = sample is null ? null : new FunctionalSimulator(graph, mapping, ProgramCompiler.Compile(mapping)).RunAll(sample);
        var files = string.Join(" ", rows.Select((_, i) => $"weight{i + 1}.csv input{i + 1}.csv"));
        var command = $"main NetWork.csv 1 {planes} {files}";
        var source = sample is null ? $"seeded Bernoulli(0.5) input bits (seed {seed})" : "the simulator's activations for one image";

        var full = Path.GetFullPath(directory);
        var scratch = full.TrimEnd(Path.DirectorySeparatorChar) + ".partial-" + Guid.NewGuid().ToString("N");
        try
        {
            Directory.CreateDirectory(scratch);
            File.WriteAllLines(Path.Combine(scratch, "NetWork.csv"), rows.Select(r => r.ToCsvLine()));
            for (var i = 0; i < mapping.Layers.Count; i++)
            {
                var layer = mapping.Layers[i];
                using (var w = new StreamWriter(Path.Combine(scratch, $"weight{i + 1}.csv")))
                {
                    NeuroSimTraces.WriteWeights(w, layer, mapping.Spec.Weights);
                }

                var codes = values is null
                    ? NeuroSimTraces.BernoulliCodes(layer, layer.InputBits, seed)
                    : NeuroSimTraces.Codes(values[layer.Node.Inputs[0]], layer.InputEncoding, mapping.Spec.Readout);
                using (var w = new StreamWriter(Path.Combine(scratch, $"input{i + 1}.csv")))
                {
                    NeuroSimTraces.WriteInputs(w, layer, mapping.Spec.Weights, codes, layer.InputBits, planes);
                }
            }

            File.WriteAllText(Path.Combine(scratch, "param.txt"), Describe(mapping, rows, command, source));
            File.WriteAllText(Path.Combine(scratch, "run-neurosim.sh"),
                "#!/bin/sh\n# usage: run-neurosim.sh PATH/TO/NeuroSIM/main  (run in this folder; NeuroSim prints to stdout)\n" +
                $"cd \"$(dirname \"$0\")\" && exec \"$1\" {command["main ".Length..]}\n");
            Directory.CreateDirectory(full);
            foreach (var file in Directory.GetFiles(scratch))
            {
                File.Move(file, Path.Combine(full, Path.GetFileName(file)), overwrite: true);
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        return new NeuroSimExportResult(full, rows, planes, command, source);
    }

    private static string Describe(ChipMapping mapping, IReadOnlyList<NeuroSimLayerRow> rows, string command, string source)
    {
        var s = new StringBuilder(NeuroSimParameters.Describe(mapping.Spec));
        s.AppendLine();
        s.AppendLine($"# model {mapping.Model}; input traces: {source}");
        s.AppendLine("# NetWork.csv rows (IFM H, W, C_in, K_H, K_W, C_out, max pool, stride) and the layers they come from:");
        for (var i = 0; i < rows.Count; i++)
        {
            s.AppendLine($"# {i + 1,3}  {rows[i].ToCsvLine(),-32} {rows[i].Layer} ({rows[i].NeuroSimWindows} windows read)");
        }

        var spec = mapping.Spec;
        var plan = NeuroSimFloorplan.Plan(rows, spec.Subarray.Rows, spec.Subarray.Columns,
            spec.Pipeline.Duplication.Mode == Hardware.DuplicationMode.Auto ? spec.Pipeline.Duplication.MaxCopies : spec.Pipeline.Duplication.Degree);
        s.AppendLine(plan is null
            ? $"# NeuroSim V1.3 refuses this network: its widest layer is narrower than 4 subarrays ({4 * spec.Subarray.Rows} columns)"
            : $"# NeuroSim V1.3's floorplan (pipeline mode): tile {plan.TileSize}x{plan.TileSize}, PE {plan.PeSize}x{plan.PeSize}; tiles per layer "
              + $"{string.Join(" ", plan.TilesPerLayer)} ({plan.TilesPerLayer.Sum()} in all); speed-up per layer {string.Join(" ", plan.SpeedUpPerLayer)}");
        s.AppendLine();
        s.AppendLine("# command (weight bits 1; input bits = the largest input precision of any layer; V1.3 applies it to every layer):");
        s.AppendLine(command);
        return s.ToString();
    }
}
