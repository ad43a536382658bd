namespace BnnCompiler.Hardware;

public enum InterconnectTopology
{
    HTree,
    Mesh,
}
