// The reference for start-up, a scripted session and memory: a Swift hello-world that
// imports Foundation, built the same way as goodbye.
import Foundation

print("Bonjour, le \(Date().timeIntervalSince1970 > 0 ? "monde" : "vide")")
