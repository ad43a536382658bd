namespace BnnCompiler.Simulator.Analog;

/// <summary>One ADC's static errors in a trial: offset in LSB and gain factor (1 + gain error).</summary>
public readonly record struct AdcInstance(double OffsetLsb, double Gain)
{
    public static AdcInstance Ideal => new(0.0, 1.0);
}
