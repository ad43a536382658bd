namespace BnnCompiler.Hardware;

public enum InputQuantization
{
    /// <summary>Each image is quantised over its own min..max.</summary>
    Dynamic,

    /// <summary>Every image is quantised over the fixed range readout.input_range_min..max.</summary>
    Static,
}
