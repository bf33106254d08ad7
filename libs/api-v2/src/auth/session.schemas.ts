import { IssuedSession, LogInResult, SignUpResult, userViewSchema } from '@dailies/core';
import { z } from 'zod';
import { isoTime, sameShape } from '../view-schema-kit';

// Answers of /v2/auth/*. Their types live with the identity use cases; the compile-time proofs
// below keep these documented shapes equal to them.

export const sessionViewSchema = z
  .object({
    accessToken: z.string(),
    accessTokenExpiresAt: isoTime,
    refreshToken: z.string(),
    refreshTokenExpiresAt: isoTime,
    sessionId: z.string(),
  })
  .meta({ id: 'SessionView' });
sameShape<z.infer<typeof sessionViewSchema>, IssuedSession>(true);

export const logInResultSchema = sessionViewSchema
  .extend({ user: userViewSchema })
  .meta({ id: 'LogInResult' });
sameShape<z.infer<typeof logInResultSchema>, LogInResult>(true);

/** The same for a new and a taken address (sign-up does not reveal who has an account). */
export const signUpResultSchema = z
  .object({ status: z.literal('accepted') })
  .meta({ id: 'SignUpResult' });
sameShape<z.infer<typeof signUpResultSchema>, SignUpResult>(true);
