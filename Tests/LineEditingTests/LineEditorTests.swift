import XCTest

@testable import LineEditing

/// Keys in, a line and a screen out: the bytes real terminals send (xterm, VT100, the
/// Linux console), through the decoder, the editor and the drawing, onto a virtual
/// screen read back as a person would read it.
final class LineEditorTests: XCTestCase {
    struct Session {
        var screen: VirtualScreen
        var editor: LineEditor
        var view: EditorView
        var renderer = Renderer()
        var decoder = KeyDecoder()
        var result: String??

        init(
            width: Int = 80, height: Int = 24, editor: LineEditor = LineEditor(),
            view: EditorView = EditorView(prompt: "› ")
        ) {
            screen = VirtualScreen(width: width, height: height)
            self.editor = editor
            self.view = view
            screen.feed("Nom ?\r\n")
            screen.feed(renderer.draw(view.layout(editor, width: width)))
        }

        /// Feeds bytes as a terminal sends them, in pieces of `chunk` bytes.
        mutating func type(_ text: String, chunk: Int = .max) {
            let bytes = Array(text.utf8)
            var start = 0
            while start < bytes.count, result == nil {
                let end = min(bytes.count, start + chunk)
                for key in decoder.feed(Array(bytes[start..<end])) where result == nil {
                    switch editor.handle(key) {
                    case .submit(let line, let picked):
                        screen.feed(renderer.finish(view.answered(editor, picked: picked, width: screen.width)))
                        result = .some(line)
                    case .endOfInput:
                        result = .some(nil)
                    case .clearScreen:
                        screen.feed(renderer.clearScreen(view.layout(editor, width: screen.width)))
                    case .editing, .interrupt:
                        break
                    }
                }
                if result == nil { screen.feed(renderer.draw(view.layout(editor, width: screen.width))) }
                start = end
            }
        }

        /// The screen at another width (a resized window), drawn again.
        mutating func resize(_ width: Int) {
            var wider = VirtualScreen(width: width, height: screen.height)
            wider.feed("Nom ?\r\n")
            renderer = Renderer()
            wider.feed(renderer.draw(view.layout(editor, width: width)))
            screen = wider
        }
    }

    static let left = "\u{1B}[D", right = "\u{1B}[C", up = "\u{1B}[A", down = "\u{1B}[B"

    func testTheIssuesTypoIsFixedWithTheArrowKeys() {
        var session = Session()
        session.type("Hélene Mercier" + String(repeating: Self.left, count: 10) + "\u{7F}è\r")
        XCTAssertEqual(session.result, "Hélène Mercier")
        XCTAssertEqual(session.screen.lines, ["Nom ?", "› Hélène Mercier"])
    }

    func testKeysArriveByteByByteAsWellAsAtOnce() {
        var session = Session()
        session.type("abc" + Self.left + Self.left + "X\r", chunk: 1)
        XCTAssertEqual(session.result, "aXbc")
    }

    func testHomeAndEndInEveryTerminalsSpelling() {
        for (home, end) in [
            ("\u{1B}[H", "\u{1B}[F"), ("\u{1B}OH", "\u{1B}OF"), ("\u{1B}[1~", "\u{1B}[4~"), ("\u{1B}[7~", "\u{1B}[8~"),
            ("\u{01}", "\u{05}"),
        ] {
            var session = Session()
            session.type("milieu" + home + "<" + end + ">\r")
            XCTAssertEqual(session.result, "<milieu>", "home \(home.debugDescription), end \(end.debugDescription)")
        }
        var vt100 = Session()
        vt100.type("ab\u{1B}OD\u{1B}OD\u{1B}OCX\r")
        XCTAssertEqual(vt100.result, "aXb", "VT100 application-mode arrows")
    }

    func testDeletionKeys() {
        var session = Session()
        session.type("un deux trois" + "\u{17}" + "\r")
        XCTAssertEqual(session.result, "un deux ", "Ctrl-W removes the word before the cursor")
        session = Session()
        session.type("un deux trois" + String(repeating: Self.left, count: 6) + "\u{0B}\r")
        XCTAssertEqual(session.result, "un deux", "Ctrl-K removes to the end")
        session = Session()
        session.type("un deux" + "\u{1B}[D\u{1B}[D" + "\u{15}\r")
        XCTAssertEqual(session.result, "ux", "Ctrl-U removes to the start")
        session = Session()
        session.type("abc\u{01}\u{1B}[3~\r")
        XCTAssertEqual(session.result, "bc", "Delete removes under the cursor")
        session = Session()
        session.type("abc\u{08}\u{7F}\r")
        XCTAssertEqual(session.result, "a", "both Backspace bytes")
    }

    func testUnknownKeysAreIgnoredNeverInserted() {
        var session = Session()
        session.type("a\u{1B}[15~\u{1B}OP\u{1B}[1;5A\u{1B}x\u{09}\u{1B}[5~b\u{1B}[Z\r")
        XCTAssertEqual(session.result, "ab")
        XCTAssertEqual(session.screen.lines.last, "› ab")
    }

    func testALoneEscapeIsDroppedOnceNothingFollows() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.feed([0x1B]), [])
        XCTAssertTrue(decoder.isWaiting)
        XCTAssertEqual(decoder.flush(), [])
        XCTAssertEqual(decoder.feed(Array("a".utf8)), [.text("a")])
    }

    func testAnAccentTypedDecomposedIsOneCharacter() {
        for chunk in [1, 64] {
            var session = Session()
            session.type("He\u{301}le\u{300}ne" + String(repeating: Self.left, count: 4) + "\u{7F}\r", chunk: chunk)
            XCTAssertEqual(session.result, "Hlène", "Backspace took the whole é (e and its accent), one character")
        }
    }

    func testUTF8SplitAcrossReads() {
        var decoder = KeyDecoder()
        let bytes = Array("é".utf8)
        XCTAssertEqual(decoder.feed([bytes[0]]), [])
        XCTAssertEqual(decoder.feed([bytes[1]]), [.text("é")])
        XCTAssertEqual(decoder.feed([0xFF, 0x41]), [.text("A")], "a byte that is not UTF-8 is dropped")
    }

    func testBracketedPasteNeverAnswersWithItsNewline() {
        var session = Session()
        session.type("\u{1B}[200~12 rue des Lilas\n69003 Lyon\u{1B}[201~", chunk: 5)
        XCTAssertNil(session.result, "the pasted newline did not answer")
        XCTAssertEqual(session.editor.text, "12 rue des Lilas 69003 Lyon")
        session.type("\r")
        XCTAssertEqual(session.result, "12 rue des Lilas 69003 Lyon")
    }

    func testHistoryRecallsEarlierAnswersAndKeepsTheLineBeingTyped() {
        var session = Session(editor: LineEditor(history: ["Claire Martin", "69003 Lyon"]))
        session.type("brouillon" + Self.up)
        XCTAssertEqual(session.editor.text, "69003 Lyon")
        session.type(Self.up + Self.up)
        XCTAssertEqual(session.editor.text, "Claire Martin", "stops at the oldest")
        session.type(Self.down + Self.down)
        XCTAssertEqual(session.editor.text, "brouillon", "back to what was being typed")
        session.type(Self.up + " 2\r")
        XCTAssertEqual(session.result, "69003 Lyon 2")
    }

    func testARevisitedAnswerIsInTheLineReadyToEdit() {
        var session = Session(editor: LineEditor(initial: "Paul Durand"))
        XCTAssertEqual(session.screen.lines.last, "› Paul Durand")
        session.type("\u{17}Dupont\r")
        XCTAssertEqual(session.result, "Paul Dupont")
    }

    func testALongLineWrapsAndTheCursorFollowsAcrossRows() {
        var session = Session(width: 20)
        session.type("Société Dupont et Associés, Lyon")
        XCTAssertEqual(
            session.screen.lines, ["Nom ?", "› Société Dupont et", "Associés, Lyon"],
            "the space that ends the row is the row's")
        session.type(String(repeating: Self.left, count: 15) + "\u{7F}\u{7F}&\r")
        XCTAssertEqual(session.result, "Société Dupont & Associés, Lyon")
        XCTAssertEqual(session.screen.lines, ["Nom ?", "› Société Dupont & A", "ssociés, Lyon"])
    }

    func testALineThatFillsTheRowExactlyPutsTheCursorBelow() {
        var session = Session(width: 10)
        session.type("12345678")
        XCTAssertEqual(session.screen.lines, ["Nom ?", "› 12345678"])
        XCTAssertEqual(session.screen.cursor.row, 2, "the cursor is at the start of the next row")
        XCTAssertEqual(session.screen.cursor.column, 0)
        session.type("9\u{7F}\u{7F}\r")
        XCTAssertEqual(session.result, "1234567")
        XCTAssertEqual(session.screen.lines, ["Nom ?", "› 1234567"], "nothing left of the longer line")
    }

    func testWideCharactersTakeTwoColumnsAndAreNeverSplit() {
        var session = Session(width: 10)
        session.type("東京都庁舎🙂")
        XCTAssertEqual(
            session.screen.lines, ["Nom ?", "› 東京都庁", "舎🙂"], "a wide character that would not fit goes to the next row")
        session.type(Self.left + "\u{7F}x\r")
        XCTAssertEqual(session.result, "東京都庁x🙂")
    }

    func testCtrlLRedrawsAtTheTop() {
        var session = Session()
        session.type("abc\u{0C}")
        XCTAssertEqual(session.screen.lines, ["› abc"])
    }

    func testAResizeDrawsTheLineAtTheNewWidth() {
        var session = Session(width: 80)
        session.type("une réponse assez longue pour deux lignes")
        session.resize(20)
        XCTAssertEqual(session.screen.lines, ["Nom ?", "› une réponse assez", "longue pour deux lig", "nes"])
    }

    func testCtrlDEndsInputOnlyOnAnEmptyLine() {
        var session = Session()
        session.type("ab\u{01}\u{04}")
        XCTAssertNil(session.result)
        XCTAssertEqual(session.editor.text, "b")
        session = Session()
        session.type("\u{04}")
        XCTAssertEqual(session.result, .some(nil))
    }

    // MARK: menus

    static func civilities(highlight: Int = 0) -> LineEditor {
        LineEditor(
            menu: Menu(labels: ["Madame", "Monsieur", "Sans titre"], answers: ["1", "2", "3"], highlight: highlight))
    }

    func testAMenuStartsOnTheDefaultAndArrowsMoveTheHighlight() {
        var session = Session(
            editor: Self.civilities(highlight: 1), view: EditorView(prompt: "› ", hints: ["(↑ ↓ puis Entrée)"]))
        XCTAssertEqual(
            session.screen.lines,
            ["Nom ?", "  1. Madame", "❯ 2. Monsieur", "  3. Sans titre", "(↑ ↓ puis Entrée)", "› "].map {
                $0 == "› " ? "›" : $0
            })
        session.type(Self.down)
        XCTAssertEqual(session.screen.lines[3], "❯ 3. Sans titre")
        session.type(Self.down)
        XCTAssertEqual(session.screen.lines[1], "❯ 1. Madame", "from the last to the first")
        session.type(Self.up + Self.up + "\r")
        XCTAssertEqual(session.result, "2")
        XCTAssertEqual(session.screen.lines, ["Nom ?", "› 2. Monsieur"], "the menu leaves the choice on screen")
    }

    func testInAMenuANumberOrANameTypedStillWorks() {
        var session = Session(editor: Self.civilities())
        session.type("3\r")
        XCTAssertEqual(session.result, "3")
        session = Session(editor: Self.civilities())
        session.type("monsieur\r")
        XCTAssertEqual(session.result, "monsieur")
    }

    func testYesNoAnswersWithOneLetter() {
        let yesNo = Menu(
            labels: ["Oui", "Non"], answers: ["oui", "non"], highlight: 1, shortcuts: ["o": 0, "n": 1], numbered: false)
        var session = Session(editor: LineEditor(menu: yesNo))
        XCTAssertEqual(
            Array(session.screen.lines.dropFirst()), ["  Oui", "❯ Non", "›"], "starts on the default, no numbers")
        session.type("o")
        XCTAssertEqual(session.result, "oui")
        XCTAssertEqual(session.screen.lines.last, "› Oui")
        session = Session(editor: LineEditor(menu: yesNo))
        session.type("\r")
        XCTAssertEqual(session.result, "non", "Enter takes the highlighted default")
        session = Session(editor: LineEditor(menu: yesNo))
        session.type(":aide\r")
        XCTAssertEqual(session.result, ":aide", "a command is typed as before")
    }

    func testWhatIsLeftOnScreenIsTheAnswerAsMeant() {
        var number = Session(editor: Self.civilities())
        number.type("2\r")
        XCTAssertEqual(number.screen.lines.last, "› 2. Monsieur", "a number typed shows as its option")
        var view = EditorView(prompt: "› ", hints: ["(Entrée : 15)"])
        view.emptyMeans = "15"
        var empty = Session(view: view)
        empty.type("\r")
        XCTAssertEqual(empty.result, "")
        XCTAssertEqual(empty.screen.lines.last, "› 15", "Enter shows the answer it took")
    }

    func testAPauseKeepsNothingTyped() {
        var editor = LineEditor()
        editor.readOnly = true
        var pause = Session(editor: editor, view: EditorView(prompt: "", hints: ["Appuyez sur Entrée pour continuer."]))
        pause.type("ooooo\u{1B}[A")
        XCTAssertEqual(pause.screen.lines.last, "Appuyez sur Entrée pour continuer.")
        pause.type("\r")
        XCTAssertEqual(pause.result, "")
        XCTAssertEqual(pause.screen.lines, ["Nom ?"], "the pause leaves nothing behind")
    }

    // MARK: fitting what is written

    func testTheFitterWrapsLongLinesAndLeavesShortOnesAlone() {
        var fitter = ScreenFitter()
        XCTAssertEqual(fitter.fit("court\n", width: 20), "court\n")
        XCTAssertEqual(
            fitter.fit("S’il a des exercices à faire, les fait-il\u{202F}?\n", width: 20),
            "S’il a des exercices\nà faire, les\nfait-il\u{202F}?\n",
            "never at the no-break space before ?")
        XCTAssertEqual(
            fitter.fit("\u{1B}[1mGras\u{1B}[0m et du texte\n", width: 12), "\u{1B}[1mGras\u{1B}[0m et du\ntexte\n",
            "escapes take no column")
        XCTAssertEqual(
            fitter.fit("https://exemple.fr/un/chemin/long\n", width: 10), "https://ex\nemple.fr/u\nn/chemin/l\nong\n")
    }

    func testTheFitterRemembersTheColumnBetweenPieces() {
        var fitter = ScreenFitter()
        XCTAssertEqual(fitter.fit("Question 1 sur 17 · ", width: 24), "Question 1 sur 17 · ")
        XCTAssertEqual(fitter.fit("L’implication", width: 24), "\nL’implication")
        XCTAssertEqual(fitter.fit("\n› ", width: 24), "\n› ")
        XCTAssertEqual(fitter.column, 2)
    }

    func testWrapBreaksOnlyAtOrdinarySpaces() {
        XCTAssertEqual(Wrap.paragraph("Restez\u{A0}: rien ne presse", width: 10), "Restez\u{A0}:\nrien ne\npresse")
        XCTAssertEqual(Wrap.paragraph("un deux trois", width: 9, indent: "1. "), "1. un\n   deux\n   trois")
    }
}
