using System.Globalization;
using System.Text;

namespace BnnCompiler.Cli.Cluster;

/// <summary>
/// DIR/k8s-job.yaml: a Kubernetes Indexed Job with one completion per manifest task; the pod with completion
/// index K runs <c>bnnc sweep task DIR K</c> in the sweep's working directory. Both folders come from one volume
/// mounted at the same paths, so the manifest's relative paths resolve as they did at submission.
/// </summary>
public static class KubernetesJob
{
    public const string FileName = "k8s-job.yaml";

    public static string Build(string directory, SweepManifest manifest, string image)
    {
        var dir = Path.GetFullPath(directory);
        var n = manifest.Tasks.Count.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append("# bnnc sweep: one completion index per task of manifest.json; merge with 'bnnc sweep merge DIR'\n");
        sb.Append("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: bnnc-sweep\nspec:\n");
        sb.Append("  completionMode: Indexed\n");
        sb.Append(CultureInfo.InvariantCulture, $"  completions: {n}\n  parallelism: {n}\n  backoffLimitPerIndex: 1\n");
        sb.Append("  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: sweep\n");
        sb.Append(CultureInfo.InvariantCulture, $"          image: {Json(image)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"          workingDir: {Json(manifest.WorkingDirectory)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"          command: [\"sh\", \"-c\", {Json($"exec bnnc sweep task '{dir}' \"$JOB_COMPLETION_INDEX\"")}]\n");
        sb.Append("          volumeMounts:\n            - name: work\n");
        sb.Append(CultureInfo.InvariantCulture, $"              mountPath: {Json(manifest.WorkingDirectory)}\n");
        sb.Append("      volumes:\n        - name: work\n          persistentVolumeClaim:\n            claimName: bnnc-sweep-work\n");
        return sb.ToString();
    }

    /// <summary>A YAML scalar as a JSON string (YAML is a superset of JSON).</summary>
    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
