import 'reflect-metadata';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';
import Fastify from 'fastify';

/**
 * `npm run bench:http-adapter`: why the core API runs NestJS on Fastify rather than Express.
 * The same JSON route on Nest+Fastify and Nest+Express, against a bare Fastify baseline measured
 * in the same process. Each server answers GET /things/:id with a small JSON object.
 */
const thing = (id: string) => ({
  id,
  name: 'A shot',
  type: 'file',
  status: 'ready',
  label: 'none',
  filesize: 1048576,
});

@Controller('things')
class ThingsController {
  @Get(':id')
  get(@Param('id') id: string) {
    return thing(id);
  }
}

@Module({ controllers: [ThingsController] })
class BenchModule {}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string, seconds: number): Promise<Result> {
  const r = await autocannon({
    url: `${url}/things/0191c7a4-0000-7000-8000-000000000001`,
    connections: 50,
    duration: seconds,
  });
  return {
    name,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const results: Result[] = [];

  const bare = Fastify();
  bare.get('/things/:id', async (req) => thing((req.params as { id: string }).id));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareAddress = bare.server.address();
  await load(
    'warm-up',
    `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}`,
    2,
  );
  results.push(
    await load(
      'bare Fastify (baseline)',
      `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}`,
      seconds,
    ),
  );
  await bare.close();

  for (const [name, adapter] of [
    ['Nest + Fastify', new FastifyAdapter()],
    ['Nest + Express', new ExpressAdapter()],
  ] as const) {
    const app = await NestFactory.create(BenchModule, adapter, { logger: false });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    await load('warm-up', url, 2);
    results.push(await load(name, url, seconds));
    await app.close();
  }

  const baseline = results[0].rps;
  console.log(`\nGET /things/:id, 50 connections, ${seconds} s each (${new Date().toISOString()})`);
  console.log(
    'server                     req/s    p50 ms  p97.5 ms  p99 ms  errors  ratio to baseline',
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(26)} ${String(r.rps).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p97_5).padStart(9)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)}  ${(r.rps / baseline).toFixed(2)}×`,
    );
  }
  const fastify = results.find((r) => r.name === 'Nest + Fastify')!;
  const express = results.find((r) => r.name === 'Nest + Express')!;
  console.log(`\nNest + Fastify / Nest + Express: ${(fastify.rps / express.rps).toFixed(2)}×`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
