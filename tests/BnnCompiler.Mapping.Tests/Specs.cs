using BnnCompiler.Hardware;

namespace BnnCompiler.Mapping.Tests;

/// <summary>The shipped specs with overrides, as the CLI would load them.</summary>
internal static class Specs
{
    public static HardwareSpec Load(string file, params string[] overrides) => HardwareSpecLoader.Load(TestFiles.Spec(file), overrides);

    /// <summary>
    /// default.yaml with the utilisation floorplan search, which most mapper tests exercise (their hand calculations
    /// are written for it); <see cref="Study"/> keeps the file's own NeuroSim floorplan.
    /// </summary>
    public static HardwareSpec Default(params string[] overrides) => Load("default.yaml", ["chip.floorplan=utilization", .. overrides]);

    /// <summary>default.yaml as shipped (NeuroSim V1.3's floorplan rule).</summary>
    public static HardwareSpec Study(params string[] overrides) => Load("default.yaml", overrides);

    public static HardwareSpec Tiny(params string[] overrides) => Load("tiny.yaml", overrides);
}
