namespace EcsWorkshop.Simulator.Runtime;

/// <summary><c>--runtime docker</c> was asked for and no Docker engine answers; the message is one line for the user.</summary>
public sealed class ContainerRuntimeUnavailableException(string message) : Exception(message);
