// ES2024 String methods (Node ≥ 20 has them; the project's lib is es2023).
interface String {
  isWellFormed(): boolean;
  toWellFormed(): string;
}
