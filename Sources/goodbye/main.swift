import FoundationEssentials
import Glibc
import GoodbyeCLI

Interrupt.install()
let terminal = StandardTerminal()
let app = App(terminal: terminal, environment: ProcessInfo.processInfo.environment)
// The arguments as given: a file name that is not UTF-8 keeps its bytes (RawPath).
let arguments = RawPath.arguments()
let status = app.run(arguments)
// Output that could not be written (a full disk, a closed pipe) is an I/O error, not a success.
guard terminal.outputWasWritten() else {
    terminal.writeError(app.outputFailure(arguments))
    exit(74)
}
exit(status)
