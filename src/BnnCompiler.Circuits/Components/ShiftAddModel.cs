using BnnCompiler.Circuits.Technology;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// The shift-and-add behind each ADC that combines the bit planes of a multi-bit input (bit-serial inputs): an
/// adder and a register of w = ADC bits + input bits, and a w-bit shifter (wiring). The action is one accumulation
/// (one conversion result folded in): area, energy and delay of the adder plus the register (<see cref="AdderModel"/>).
/// A chip none of whose mapped layers takes a multi-bit input has none (<see cref="Pricing.ChipCircuits"/>); otherwise
/// every ADC has one, idle during the 1-bit layers.
/// </summary>
public static class ShiftAddModel
{
    public static UnitCost PerAdc(int adcBits, int inputBits, TechnologyNode tech)
    {
        var width = adcBits + inputBits;
        var adder = AdderModel.Adder(width, tech);
        var register = AdderModel.Register(width, tech);
        return adder.Plus(register) with { LatencyNs = adder.LatencyNs + register.LatencyNs };
    }
}
