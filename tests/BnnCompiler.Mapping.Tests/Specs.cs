using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Tests;

/// <summary>The shipped specs with overrides, as the CLI would load them.</summary>
internal static class Specs
{
    public static HardwareSpec Load(string file, params string[] overrides) => HardwareSpecLoader.Load(TestFiles.Spec(file), overrides);

    public static HardwareSpec Default(params string[] overrides) => Load("default.yaml", overrides);

    public static HardwareSpec Tiny(params string[] overrides) => Load("tiny.yaml", overrides);
}
