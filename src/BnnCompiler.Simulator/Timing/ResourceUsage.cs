namespace BnnCompiler.Simulator.Timing;

/// <summary>
/// How busy one class of resources is per image: the instances the program uses, their summed busy cycles, and the
/// utilisation busy / (instances × image interval). In pipelined mode a value above 1 for a chip-shared class (the
/// global bus) means the stages together ask more of it than one interval allows.
/// </summary>
public sealed record ResourceUsage(ResourceClass Class, int Instances, long BusyCycles, double Utilization);
