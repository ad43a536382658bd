namespace BnnCompiler.Trainer.Tests;

/// <summary>Paths inside the repository (the shared testing helpers record its root at build time).</summary>
internal static class RepoPaths
{
    public static string Models => Path.Combine(BnnCompiler.Testing.RepoPaths.Root, "onnx-models");
}
