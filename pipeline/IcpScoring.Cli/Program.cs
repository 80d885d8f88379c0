using IcpScoring.Cli;

return IcpApp.Run(args, Console.Out, Console.Error);
