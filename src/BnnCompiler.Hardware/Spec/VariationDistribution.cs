namespace BnnCompiler.Hardware;

public enum VariationDistribution
{
    LogNormal,
    Gaussian,
}
