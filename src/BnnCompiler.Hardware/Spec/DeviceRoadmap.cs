namespace BnnCompiler.Hardware;

public enum DeviceRoadmap
{
    /// <summary>Low standby power transistors (NeuroSim's default).</summary>
    Lstp,

    /// <summary>High performance transistors.</summary>
    Hp,
}
