using BnnCompiler.Circuits.Technology;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// The binarizing activation: compares a b-bit integer sum with a stored per-channel threshold (a folded batch
/// normalisation) and emits one bit. A b-bit magnitude comparator is a b-bit subtractor's carry chain: the cost of
/// a b-bit adder (<see cref="AdderModel"/>) plus a b-bit threshold register. The action is one comparison: the
/// comparator switches and sets the delay; the threshold register is only read, so it adds area and leakage.
/// </summary>
public static class ThresholdUnitModel
{
    public static UnitCost Unit(int bits, TechnologyNode tech)
    {
        var comparator = AdderModel.Adder(bits, tech);
        var register = AdderModel.Register(bits, tech) with { EnergyPerActionPj = 0 };
        return comparator.Plus(register);
    }
}
