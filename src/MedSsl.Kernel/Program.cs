using System.Runtime.InteropServices;
using MedSsl.Kernel.Engine;
using MedSsl.Kernel.Notebooks;
using MedSsl.Kernel.Protocol;
using MedSsl.Kernel.Server;
using MedSsl.Kernel.Transport;

namespace MedSsl.Kernel;

/// <summary>
/// `dotnet MedSsl.Kernel.dll CONNECTION_FILE`: the kernel, as a kernelspec's argv runs it;
/// `… run NOTEBOOK …` and `… check …`: the headless notebook commands behind `medssl notebook`.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["run", .. var rest] => NotebookCommandLine.Run(rest),
        ["check", .. var rest] => NotebookCommandLine.Check(rest),
        [var file] when !file.StartsWith('-') => Serve(file),
        _ => Usage(),
    };

    static int Usage()
    {
        Console.Error.WriteLine("usage: dotnet MedSsl.Kernel.dll CONNECTION_FILE   (started by Jupyter; install with ./medssl kernel install)\n"
                                + "       dotnet MedSsl.Kernel.dll run NOTEBOOK [-p NAME=VALUE]... [-o OUT] [--log-output]\n"
                                + "       dotnet MedSsl.Kernel.dll check [PATH]...");
        return 2;
    }

    static int Serve(string connectionFile)
    {
        var log = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        int code;
        try
        {
            var info = ConnectionInfo.Load(connectionFile);
            var session = new ScriptSession(Environment.CurrentDirectory);
            // interrupt_mode "signal" (and Ctrl+C in a terminal): SIGINT stops the running cell, not the kernel.
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                session.Interrupt();
            });
            using (var transport = new ZmqTransport()) // disposing flushes the last replies (socket linger)
            {
                var server = new KernelServer(info, transport, session, log);
                server.InstallConsoleInput();
                code = server.Run();
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DllNotFoundException)
        {
            log.WriteLine($"medssl kernel: {e.Message}");
            return 1;
        }
        // A cell stuck in native code must not keep the process alive after shutdown_reply.
        Environment.Exit(code);
        return code;
    }
}
