using LiveCommerce.Simulator;

return await SimulatorCommand.RunAsync(args, Console.Out, Console.Error);
