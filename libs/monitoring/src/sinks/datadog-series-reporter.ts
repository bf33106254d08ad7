/** One series as datadog-metrics serialises it: Datadog's v1 series API format. */
export interface DatadogSeries {
  metric: string;
  points: [number, number][];
  type?: string;
  host?: string;
  tags?: string[];
}

export interface DatadogSeriesReporterOptions {
  /** `https://api.datadoghq.com`, `https://api.datadoghq.eu`, a proxy, or a local intake. */
  apiUrl: string;
  apiKey: string;
  /** Tries per report (network errors, 429 and 5xx are retried; default 3). */
  attempts?: number;
  retryDelayMs?: number;
  timeoutMs?: number;
}

/**
 * Sends datadog-metrics' flushed series to `POST {apiUrl}/api/v1/series`. The library's own
 * DatadogReporter builds its URL from the site alone (`https://api.{site}`), so it cannot reach a
 * proxy, a regional intake URL or the local intake the tests run; the payload here is exactly the
 * library's (its aggregator's series, as its reporter posts them to the same endpoint).
 */
export class DatadogSeriesReporter {
  private readonly url: string;

  constructor(private readonly options: DatadogSeriesReporterOptions) {
    this.url = `${options.apiUrl.replace(/\/+$/, '')}/api/v1/series`;
  }

  async report(series: DatadogSeries[]): Promise<void> {
    const body = JSON.stringify({ series });
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      let retryable: boolean;
      let problem: string;
      try {
        const response = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'dd-api-key': this.options.apiKey },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
        await response.arrayBuffer();
        if (response.ok) return;
        if (response.status === 403) throw new Error('Datadog refused DATADOG_API_KEY (403)');
        retryable = response.status === 429 || response.status >= 500;
        problem = `Datadog answered ${response.status}`;
      } catch (error) {
        if ((error as Error).message.includes('DATADOG_API_KEY')) throw error;
        retryable = true;
        problem = `Datadog unreachable: ${(error as Error).message}`;
      }
      if (!retryable || attempt >= attempts) throw new Error(problem);
      await new Promise((r) =>
        setTimeout(r, (this.options.retryDelayMs ?? 500) * 2 ** (attempt - 1)),
      );
    }
  }
}
