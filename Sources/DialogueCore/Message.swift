/// A sentence for a person, named by a typed key and filled with values: the words
/// live in `Localization/LANG/messages.ini`, so a message follows the session's
/// language and a misspelt key cannot compile.
public struct Message: Sendable, Equatable, Error {
    public var key: MessageKey
    public var values: [String: String]
    /// Values that are words of the language themselves (`FICHIER` / `FILE`).
    public var parts: [String: MessageKey]

    public init(_ key: MessageKey, _ values: [String: String] = [:], parts: [String: MessageKey] = [:]) {
        self.key = key
        self.values = values
        self.parts = parts
    }
}

/// Every message the program prints outside the dialogue: errors, notes, the help and
/// the content diagnostics. `goodbye check` reports a language that lacks one.
public enum MessageKey: String, Sendable, CaseIterable {
    /// A text already written (the content diagnostics of `goodbye check`, in French).
    case verbatim = "message.verbatim"
    // The command line.
    case optionNeedsValue = "error.option_needs_value"
    case unknownOption = "error.unknown_option"
    case unexpectedArgument = "error.unexpected_argument"
    case didYouMean = "error.did_you_mean"
    case badOptionValue = "error.bad_option_value"
    case badDate = "error.bad_date"
    case formatNotForCommand = "error.format_not_for_command"
    case usageHint = "error.usage_hint"
    case noHelpTopic = "error.no_help_topic"
    case unknownLanguage = "error.unknown_language"
    case optionNotForCommand = "error.option_not_for_command"
    // Content.
    case contentInvalid = "error.content_invalid"
    case checkFailed = "error.check_failed"
    case contentValid = "note.content_valid"
    // Answers and sessions.
    case stdinUnreadable = "error.stdin_unreadable"
    case answersFix = "error.answers_fix"
    case missingAnswers = "error.missing_answers"
    case missingAnswersFix = "error.missing_answers_fix"
    case inputEnded = "error.input_ended"
    case inputEndedHint = "error.input_ended_hint"
    case answerRejectedEmpty = "error.answer_rejected_empty"
    case answerRejected = "error.answer_rejected"
    case scriptStops = "error.script_stops"
    case sessionFolder = "error.session_folder"
    case sessionDamaged = "error.session_damaged"
    case ignoredAnswer = "note.ignored_answer"
    case resumeHint = "note.resume_hint"
    case interrupted = "note.interrupted"
    case notSaved = "note.not_saved"
    case interruptedRestart = "note.interrupted_restart"
    // Letters.
    case noLetterTemplates = "error.no_letter_templates"
    case letterFailed = "error.letter_failed"
    case reportBug = "error.report_bug"
    case deadEnd = "error.dead_end"
    case letterSaved = "note.letter_saved"
    case kindNotForCommand = "error.kind_not_for_command"
    case unknownKind = "error.unknown_kind"
    // The letter's facts: errors, warnings.
    case factEndBeforeLetter = "fact.end_before_letter"
    case factAmountZero = "fact.amount_zero"
    case factDueBeforeInvoice = "fact.due_before_invoice"
    case factsFix = "fact.fix"
    case warnEndBeforeNotice = "warning.end_before_notice"
    case warnNoNotice = "warning.no_notice"
    case warnTermPassed = "warning.term_passed"
    case warnNotYetDue = "warning.not_yet_due"
    case warnRateBelowFloor = "warning.rate_below_floor"
    case warnContractAfterLetter = "warning.contract_after_letter"
    case warnRegisteredWithoutAddress = "warning.registered_without_address"
    case warnPublicTermination = "warning.public_termination"
    case warnNoMediator = "warning.no_mediator"
    case warnNearLimitation = "warning.near_limitation"
    case warnSuspensionWithoutNotice = "warning.suspension_without_notice"
    case warning = "note.warning"
    case strictRefused = "error.strict_refused"
    case warningsHeading = "note.warnings_heading"
    case warningsChoice = "note.warnings_choice"
    // Files.
    case fileMissing = "error.file_missing"
    case inputIsFolder = "error.input_is_folder"
    case fileUnreadable = "error.file_unreadable"
    case notUTF8 = "error.not_utf8"
    case outputIsFolder = "error.output_is_folder"
    case outputExists = "error.output_exists"
    case outputExistsFix = "error.output_exists_fix"
    case outputFolderMissing = "error.output_folder_missing"
    case outputFolderReadOnly = "error.output_folder_read_only"
    case writeFailed = "error.write_failed"
    case replaceFailed = "error.replace_failed"
    case createFailed = "error.create_failed"
    case stdoutFailed = "error.stdout_failed"
    // What a question accepts, in messages and in `goodbye questions`.
    case acceptsText = "accepted.text"
    case acceptsDate = "accepted.date"
    case acceptsAmount = "accepted.amount"
    case acceptsPercent = "accepted.percent"
    case acceptsDuration = "accepted.duration"
    case acceptsInteger = "accepted.integer"
    case acceptsList = "accepted.list"
    case listingAnswers = "listing.answers"
    case listingDefault = "listing.default"
    case listingComputed = "listing.computed"
    case listingOptional = "listing.optional"
    case listingItems = "listing.items"
    // The answer file (GB100-GB103).
    case answerLineUnreadable = "diagnostic.answer_line_unreadable"
    case answerUnknownId = "diagnostic.answer_unknown_id"
    case answerRepeated = "diagnostic.answer_repeated"
    case answerEmpty = "diagnostic.answer_empty"
    case answerNotAccepted = "diagnostic.answer_not_accepted"
    // The help.
    case helpSummary = "help.summary"
    case helpUsage = "help.usage"
    case helpCommands = "help.commands"
    case helpOptions = "help.options"
    case helpSession = "help.session"
    case helpExitCodes = "help.exit_codes"
    case helpMore = "help.more"
    case helpRun = "help.run"
    case helpLetter = "help.letter"
    case helpQuestions = "help.questions"
    case helpCheck = "help.check"
    case helpHelp = "help.help"
    case helpVersion = "help.version"
    case exit0 = "help.exit.0"
    case exit1 = "help.exit.1"
    case exit64 = "help.exit.64"
    case exit65 = "help.exit.65"
    case exit66 = "help.exit.66"
    case exit70 = "help.exit.70"
    case exit73 = "help.exit.73"
    case exit74 = "help.exit.74"
    case exit130 = "help.exit.130"
    case optionAnswers = "help.option.answers"
    case optionNoInput = "help.option.no_input"
    case optionLang = "help.option.lang"
    case optionDate = "help.option.date"
    case optionContent = "help.option.content"
    case optionFormat = "help.option.format"
    case optionKind = "help.option.kind"
    case optionOutput = "help.option.output"
    case optionForce = "help.option.force"
    case optionSession = "help.option.session"
    case optionNewSession = "help.option.new_session"
    case optionPlain = "help.option.plain"
    case optionStrict = "help.option.strict"
    case optionHelp = "help.option.help"
    case optionVersion = "help.option.version"
    case placeholderFile = "help.placeholder.file"
    case placeholderFolder = "help.placeholder.folder"
    case placeholderDate = "help.placeholder.date"
    case placeholderCommand = "help.placeholder.command"
    case placeholderKind = "help.placeholder.kind"
}

extension StringProtocol {
    /// Without the spaces, tabs and line ends around it (no Foundation needed).
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
