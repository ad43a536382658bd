namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>What <see cref="NeuroSimExport.Write"/> wrote: the folder, the network rows, the input planes per window, the command line and where the input traces came from.</summary>
public sealed record NeuroSimExportResult(string Directory, IReadOnlyList<NeuroSimLayerRow> Rows, int InputPlanes, string Command, string TraceSource);
