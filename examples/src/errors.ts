// The service's error hierarchy. The classes live in their own module, so telling a NotFoundError from an
// HttpError across files takes type information: the demo lints with typescript-eslint's projectService.

export class AppError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class HttpError extends AppError {
  constructor(
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class NotFoundError extends HttpError {
  constructor(what: string, options?: ErrorOptions) {
    super(404, `${what} not found`, options);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string, options?: ErrorOptions) {
    super(409, message, options);
  }
}

export class PaymentError extends AppError {}

// Mistake (require-error-cause, with type information): the constructor has no way to carry a cause, so
// every wrapper built from it loses the provider's original error.
export class PaymentDeclinedError extends PaymentError {
  constructor(readonly reason: string) {
    super(`payment declined: ${reason}`);
  }
}
