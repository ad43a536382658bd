namespace BnnCompiler.Hardware;

/// <summary>The repair modes in order of strength and their words in the spec and on the command line.</summary>
public static class RepairModes
{
    public static IReadOnlyList<RepairMode> All { get; } =
        [RepairMode.None, RepairMode.Map, RepairMode.MapSpares, RepairMode.MapSparesCalibrate];

    public static string Word(RepairMode mode) => mode switch
    {
        RepairMode.Map => "map",
        RepairMode.MapSpares => "map+spares",
        RepairMode.MapSparesCalibrate => "map+spares+calibrate",
        _ => "none",
    };
}
