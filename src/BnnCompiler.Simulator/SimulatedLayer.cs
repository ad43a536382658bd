using BnnCompiler.Core.Interpretation;
using BnnCompiler.Simulator.Functional;

namespace BnnCompiler.Simulator;

/// <summary>
/// One binary layer as <see cref="FunctionalSimulator"/> executes it: its action counters, whether its
/// read-out is exact, and the executor itself (a <see cref="CrossbarLayer"/> on the ideal path, an
/// <c>Analog.AnalogCrossbarLayer</c> when non-idealities are on).
/// </summary>
public sealed record SimulatedLayer(string Name, LayerCounters Counters, bool IsExact, IBinaryLayerExecutor Executor);
