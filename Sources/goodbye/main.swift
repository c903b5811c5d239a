import Foundation
import GoodbyeCLI

Interrupt.install()
let terminal = StandardTerminal()
let app = App(terminal: terminal, environment: ProcessInfo.processInfo.environment)
let status = app.run(Array(CommandLine.arguments.dropFirst()))
// Output that could not be written (a full disk, a closed pipe) is an I/O error, not a success.
guard terminal.outputWasWritten() else {
    terminal.writeError(app.outputFailure(Array(CommandLine.arguments.dropFirst())))
    exit(74)
}
exit(status)
