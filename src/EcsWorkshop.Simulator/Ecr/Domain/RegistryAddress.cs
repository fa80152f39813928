namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>
/// Where clients reach the simulator's registry, as a host and port (<c>localhost:4566</c>): the host part of every
/// repository URI. Loopback is named <c>localhost</c>, which docker and the .NET SDK treat as an insecure registry.
/// It is known once the server has bound its port.
/// </summary>
public sealed class RegistryAddress
{
    private string? _host;

    /// <summary>The registry's <c>host:port</c>.</summary>
    public string Host => _host ?? throw new InvalidOperationException("The registry address is not known before the server listens.");

    /// <summary>True once the server listens.</summary>
    public bool IsKnown => _host is not null;

    /// <summary>Sets the address from the URI the server listens on.</summary>
    public void ListeningOn(Uri endpoint)
    {
        var host = endpoint.IsLoopback ? "localhost" : endpoint.Host;
        _host = $"{host}:{endpoint.Port}";
    }

    /// <summary>An address known up front (tests).</summary>
    public static RegistryAddress Fixed(string host)
    {
        var address = new RegistryAddress { _host = host };
        return address;
    }
}
