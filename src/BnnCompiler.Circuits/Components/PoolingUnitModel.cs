using BnnCompiler.Circuits.Technology;

namespace BnnCompiler.Circuits.Components;

/// <summary>
/// A pooling unit over b-bit values: max pooling is a comparator and a multiplexer per step, average pooling an
/// adder per step (the division by a power of two is wiring). Either way one step costs a b-bit adder
/// (<see cref="AdderModel"/>) plus a b-bit register; the action is one step (a window of w values takes w − 1).
/// </summary>
public static class PoolingUnitModel
{
    public static UnitCost Unit(int bits, TechnologyNode tech) => AdderModel.Adder(bits, tech).Plus(AdderModel.Register(bits, tech));
}
