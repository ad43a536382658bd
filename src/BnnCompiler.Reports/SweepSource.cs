namespace BnnCompiler.Reports;

/// <summary>What a sweep ran on: the model file, the hardware spec file and the data (or "none: hardware only"), named in
/// every plot, in report.html and in results.json's <c>source</c>.</summary>
public sealed record SweepSource(string Model, string Spec, string Data)
{
    /// <summary>One line for captions: "model M · spec S · data D" (file names only).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Caption => $"model {Path.GetFileName(Model)} · spec {Path.GetFileName(Spec)} · data {Data}";
}
