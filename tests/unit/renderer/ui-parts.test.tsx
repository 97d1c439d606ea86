// Shared screen parts: the labelled field ties its help and error to the control for screen
// readers.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Field } from '../../../renderer/src/ui/Field.tsx';

afterEach(cleanup);

describe('Field', () => {
  it('reads the help, then the error, with the control, and marks it invalid', () => {
    render(
      <Field id="code" label="Post code" help="Three letters." error="Already taken." required>
        {(aria) => <input {...aria} />}
      </Field>,
    );
    const input = screen.getByRole('textbox', {
      name: 'Post code',
      description: 'Three letters. Already taken.',
    });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('*').getAttribute('aria-hidden')).toBe('true');
  });

  it('describes a valid control by its help alone, and one without help by nothing', () => {
    render(
      <>
        <Field id="city" label="City" help="As on the map.">
          {(aria) => <input {...aria} />}
        </Field>
        <Field id="name" label="Name">
          {(aria) => <input {...aria} />}
        </Field>
      </>,
    );
    const city = screen.getByRole('textbox', { name: 'City', description: 'As on the map.' });
    expect(city.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('textbox', { name: 'Name' }).hasAttribute('aria-describedby')).toBe(
      false,
    );
  });
});
