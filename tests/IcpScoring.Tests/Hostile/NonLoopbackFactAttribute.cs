using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace IcpScoring.Tests.Hostile;

/// <summary>
/// A test that needs an address of this machine other than loopback, to send a request the server
/// sees as remote; skipped, with the reason, on a machine that has none.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NonLoopbackFactAttribute : FactAttribute
{
    public NonLoopbackFactAttribute()
    {
        if (Address is null)
        {
            Skip = "this machine has no IPv4 address other than loopback, so no request can reach the server from a non-loopback address";
        }
    }

    /// <summary>An IPv4 address of an interface that is up and is not loopback, or null.</summary>
    public static IPAddress? Address { get; } = Find();

    private static IPAddress? Find()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.NetworkInterfaceType != NetworkInterfaceType.Loopback && n.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(u => u.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        }
        catch (NetworkInformationException)
        {
            return null;
        }
    }
}
