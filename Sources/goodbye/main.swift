import Foundation
import GoodbyeCLI

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

Interrupt.install()
let app = App(terminal: StandardTerminal(), environment: ProcessInfo.processInfo.environment)
exit(app.run(Array(CommandLine.arguments.dropFirst())))
