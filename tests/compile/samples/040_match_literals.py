match command:
    case "quit":
        quit()
    case "go" | "move":
        move()
    case 1 | 2 | 3:
        num()
    case -1:
        neg()
    case 1.5:
        f()
    case 2 + 3j:
        c()
    case None:
        none()
    case True:
        t()
    case b"bytes":
        b()
    case _:
        default()
