/// A user's role (the `users.role` column, also carried in tokens).
enum Role: String, Sendable {
    /// Every new user: may act on their own accounts and profile only.
    case depositor
    /// Bank staff: may also update other users.
    case banker
}
